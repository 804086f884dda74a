// `npm run bench [-- --n 20000 --batch 500 --repeat 3 --postgres]`: throughput figures, medians of one run.
// Every pipeline, ceiling, replay, digest and case-message measurement (and the seeding of the large
// databases) runs in a child process of its own (bench-section.ts, startup-probe.ts): this process only
// writes the traffic, copies files and prints. In one process the runs' garbage added up (V8 collects
// its old space late while collecting costs little), and the bench's peak was the sum of every run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { applyMigrations } from '../src/store/apply-migrations';
import { advocateCheckTimes } from './advocate-check-time';
import type { DigestTiming } from './digest-time';
import { postgresRates } from './postgres-rate';
import { runChild } from './run-child';
import { copyDatabase } from './seed-existing';
import { syntheticLines, writeLines } from './synthetic-mentions';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
/** Mentions each pipeline child runs into a scratch file before its timed run (see bench-section.ts). */
const WARM_UP = 5_000;

/** The peak RSS of every process the bench ran, by what it measured. */
const peaks: Array<{ label: string; mb: number }> = [];

/** One measurement in a child process of its own (bench-section.ts); its peak memory is noted. */
function section<T>(name: string, label: string, args: object): T {
  const result = runChild<T>('bench-section.ts', [name, JSON.stringify(args)]);
  peaks.push({ label, mb: result.maxRssMb });
  return result;
}

async function main() {
  const { values } = parseArgs({
    options: {
      n: { type: 'string' },
      batch: { type: 'string' },
      repeat: { type: 'string' },
      'digest-mentions': { type: 'string' },
      'case-mentions': { type: 'string' },
      only: { type: 'string' },
      existing: { type: 'string' },
      'repeat-large': { type: 'string' },
      postgres: { type: 'boolean' },
    },
  });
  const n = Number(values.n ?? 20_000);
  const batch = Number(values.batch ?? 500);
  const repeat = Number(values.repeat ?? 3);
  const check = advocateCheckTimes(2000, 400);
  console.log(
    `advocate check: ${check.perCheckUs.toFixed(0)} µs per text against 400 earlier replies (2,000 texts, ${check.flagged} flagged)`,
  );
  if (values.only === 'advocate-check') return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'md-bench-'));
  // `--only case-message`: just that step (seeding a million rows for it is the slow part).
  if (values.only !== 'case-message') await throughputAndDigest(values, dir, n, batch, repeat);
  if (values.only === 'pipeline' || values.only === 'postgres') return finish(dir);
  const caseMentions = Number(values['case-mentions'] ?? 1_000_000);
  const caseEnd = Date.parse('2026-11-23T08:00:00Z');
  const caseRuns = section<{
    seedSeconds: number;
    runs: Array<{ ms: number; blocks: number; entries: number; total: number }>;
  }>('case-message', 'case message', { dir, mentions: caseMentions, end: caseEnd, runs: repeat * 5 + 1 });
  console.log(
    `case message: seeded ${fmt(caseMentions)} mentions (one person with 500 on two channels, 6 cases) in ${caseRuns.seedSeconds.toFixed(1)} s`,
  );
  const [coldCase, ...warmCase] = caseRuns.runs;
  console.log(
    `case message for a customer with ${fmt(coldCase.total)} timeline entries among ${fmt(caseMentions)} stored mentions: ` +
      `${coldCase.ms.toFixed(1)} ms cold, median ${median(warmCase.map((r) => r.ms)).toFixed(1)} ms warm to load and render ` +
      `(${coldCase.blocks} blocks, ${coldCase.entries} inline; target <= 50 ms)`,
  );
  notePeak('case message');
  finish(dir);
}

/** This process's own peak, and the largest of all processes so far with what it measured. */
function largestProcess(): { mb: number; label: string; own: number } {
  const own = process.resourceUsage().maxRSS / 1024;
  const largest = peaks.reduce((a, b) => (b.mb > a.mb ? b : a), { label: 'the bench itself', mb: own });
  return { ...largest, own };
}

// The peak so far after each section, so the section that raises the bench's peak shows.
function notePeak(section: string): void {
  const p = largestProcess();
  console.log(
    `  peak RSS so far, after ${section}: ${fmt(p.mb)} MB, largest process: ${p.label} (the bench's own: ${fmt(p.own)} MB)`,
  );
}

function finish(dir: string): void {
  const p = largestProcess();
  console.log(
    `peak memory (RSS):                         ${fmt(p.mb)} MB, largest process: ${p.label} ` +
      `(the bench's own process: ${fmt(p.own)} MB; every measurement runs in a process of its own)`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
}

async function throughputAndDigest(
  values: Record<string, string | boolean | undefined>,
  dir: string,
  n: number,
  batch: number,
  repeat: number,
) {
  const file = path.join(dir, 'synthetic.jsonl');
  writeLines(file, syntheticLines(n));
  // Other traffic (another seed) for the warm-up: the timed run's mentions are all new to its file.
  const warmUp = path.join(dir, 'warm-up.jsonl');
  writeLines(warmUp, syntheticLines(Math.min(WARM_UP, n), 7));
  console.log(
    `mention-desk bench: ${fmt(n)} synthetic mentions, batches of ${batch}, ${repeat} runs each, node ${process.version}, ${os.cpus()[0]?.model}, load ${loadAverage()}`,
  );
  console.log(
    `  each run in a process of its own; the pipeline's after a warm-up of ${fmt(Math.min(WARM_UP, n))} other mentions`,
  );
  if (values.only === 'postgres') return postgresSection(file, batch);
  const runs: Runs = { dir, file, warmUp, batch };
  // Pipeline and ceiling alternate (A/B in one run), so the machine's noise falls on both.
  const empty = await pipelineAgainstCeiling(runs, repeat, undefined, 'empty database');
  console.log(
    `pipeline (ingest, score, decide, compose, persist), empty database: median ${fmt(empty.pipeline)} mentions/s (target 8,000)`,
  );
  console.log(
    `ceiling (scorer + raw better-sqlite3, same rows, indexes, lookups): median ${fmt(empty.ceiling)} mentions/s; ratio ${empty.ratio.toFixed(2)} (target 0.6)`,
  );
  notePeak('the empty-database runs');
  const sizes = String(values.existing ?? '100000,1000000')
    .split(',')
    .map(Number)
    .filter((x) => x > 0);
  const largeRepeat = Number(values['repeat-large'] ?? 1);
  let largest: string | undefined;
  for (const existing of sizes) {
    const seeded = section<{ file: string; seconds: number }>('seed', `seeding ${fmt(existing)} mentions`, {
      dir,
      existing,
      end: Date.now(),
    });
    const r = await pipelineAgainstCeiling(runs, largeRepeat, seeded.file, `${fmt(existing)} stored`);
    console.log(
      `with ${fmt(existing)} existing mentions (seeded in ${seeded.seconds.toFixed(1)} s): pipeline ${fmt(r.pipeline)} mentions/s, ` +
        `${(r.pipeline / empty.pipeline).toFixed(2)}x the empty-database rate (target 0.9); ceiling ${fmt(r.ceiling)}, ratio ${r.ratio.toFixed(2)}`,
    );
    notePeak(`the ${fmt(existing)}-stored runs`);
    if (largest) fs.rmSync(largest, { force: true });
    largest = seeded.file;
  }
  if (largest) {
    // Start-up on an empty file first: what the stored rows add is the difference.
    const emptyFile = path.join(dir, 'startup-empty.db');
    await applyMigrations(`file:${emptyFile}`);
    const runs = Math.max(3, largeRepeat);
    const base = Array.from({ length: runs }, () => startupProbe(emptyFile, 'start-up, empty database'));
    const probes = Array.from({ length: runs }, () =>
      startupProbe(largest!, `start-up, ${fmt(sizes[sizes.length - 1])} stored`),
    );
    const ms = median(probes.map((p) => p.ms));
    // Both once RSS stopped growing: see startup-probe.ts (taken at once, a slow start-up also counts the
    // background compilation a fast one has not finished yet). The at-once difference is printed too.
    const mb = median(probes.map((p) => p.settledAddedMb));
    const baseMb = median(base.map((p) => p.settledAddedMb));
    const atOnce = median(probes.map((p) => p.addedMb)) - median(base.map((p) => p.addedMb));
    console.log(
      `start-up with ${fmt(sizes[sizes.length - 1])} stored mentions (own process, median of ${runs}): ${ms.toFixed(0)} ms ` +
        `(empty database ${median(base.map((p) => p.ms)).toFixed(0)} ms), RSS +${mb.toFixed(0)} MB, ` +
        `+${(mb - baseMb).toFixed(0)} MB more than on an empty database (both once settled; at once +${atOnce.toFixed(0)} MB); ` +
        `${fmt(probes[0].recent)} reply hashes loaded (targets <= 1,000 ms, <= +50 MB)`,
    );
    fs.rmSync(largest, { force: true });
  }
  const replays = Array.from({ length: repeat }, (_, i) =>
    section<{ rate: number; sent: number; left: number }>('replay', `replay, run ${i + 1}`, { dir, file }),
  );
  console.log(
    `replay end to end (stored, outbox drained to the replay log): median ${fmt(median(replays.map((r) => r.rate)))} mentions/s, ` +
      `${fmt(replays[0].sent)} messages sent, ${replays[0].left} left queued (target 3,000)`,
  );
  notePeak('replay');
  if (values.postgres) await postgresSection(file, batch);
  if (values.only === 'pipeline') return;
  const stored = Number(values['digest-mentions'] ?? 1_000_000);
  const end = Date.parse('2026-11-23T08:00:00Z');
  const digest = section<{ seedSeconds: number; runs: DigestTiming[] }>('digest', 'digest', {
    dir,
    stored,
    end,
    runs: repeat + 1,
  });
  console.log(
    `digest: seeded ${fmt(stored)} mentions and ${fmt(stored / 5)} cases over 90 days in ${digest.seedSeconds.toFixed(1)} s`,
  );
  const [cold, ...warm] = digest.runs;
  console.log(
    `weekly digest over ${fmt(stored)} stored mentions (${fmt(cold.mentionsInWeek)} in the week): ` +
      `${fmt(cold.buildMs)} ms cold (first after start), median ${fmt(median(warm.map((r) => r.buildMs)))} ms warm to build ` +
      `(queries + figures + Markdown); median ${fmt(median(warm.map((r) => r.chartMs)))} ms to draw the PNG chart`,
  );
  notePeak('digest');
}

/** What every pipeline and ceiling run reads: the traffic, its warm-up, the batch size, the scratch folder. */
interface Runs {
  dir: string;
  file: string;
  warmUp: string;
  batch: number;
}

/**
 * `repeat` runs of the pipeline and of its ceiling, alternating, each into its own copy of `seeded` (or
 * a fresh file), each in a process of its own: medians of both and of their per-run ratios.
 */
async function pipelineAgainstCeiling(runs: Runs, repeat: number, seeded: string | undefined, label: string) {
  const { dir, file, warmUp, batch } = runs;
  const pipeline: number[] = [];
  const ceiling: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const stamp = `${Date.now()}-${i}`;
    const pipelineFile = path.join(dir, `pipeline-${stamp}.db`);
    const ceilingFile = path.join(dir, `ceiling-${stamp}.db`);
    if (seeded) {
      copyDatabase(seeded, pipelineFile);
      copyDatabase(seeded, ceilingFile);
    } else {
      await applyMigrations(`file:${ceilingFile}`);
    }
    // The ceiling's file gets the statistics the app gives its own at start-up.
    analyse(ceilingFile);
    const run = `${label}, run ${i + 1}`;
    const p = section<{ rate: number; stored: number }>('pipeline', `pipeline, ${run}`, {
      dir,
      dbFile: pipelineFile,
      file,
      warmUp,
      batch,
    });
    const c = section<{ rate: number }>('ceiling', `ceiling, ${run}`, {
      from: pipelineFile,
      into: ceilingFile,
      file,
      warmUp,
      batch,
    });
    pipeline.push(p.rate);
    ceiling.push(c.rate);
    ratios.push(p.rate / c.rate);
    console.log(
      `  ${run}: pipeline ${fmt(p.rate)} mentions/s (${fmt(p.stored)} stored), ceiling ${fmt(c.rate)} mentions/s, ratio ${(p.rate / c.rate).toFixed(2)}`,
    );
    for (const f of [pipelineFile, ceilingFile])
      for (const ext of ['', '-wal', '-shm']) fs.rmSync(f + ext, { force: true });
  }
  return { pipeline: median(pipeline), ceiling: median(ceiling), ratio: median(ratios) };
}

function analyse(file: string): void {
  const db = new Database(file);
  db.pragma('analysis_limit = 1000');
  db.pragma('optimize = 0x10002');
  db.close();
}

interface StartupProbe {
  ms: number;
  addedMb: number;
  settledAddedMb: number;
  peakAddedMb: number;
  recent: number;
}

function startupProbe(file: string, label: string): StartupProbe {
  const probe = runChild<StartupProbe>('startup-probe.ts', [file]);
  peaks.push({ label, mb: probe.maxRssMb });
  return probe;
}

async function postgresSection(file: string, batch: number): Promise<void> {
  const r = await postgresRates(file, batch);
  if ('skip' in r) {
    console.log(`--postgres skipped: ${r.skip}`);
    return;
  }
  peaks.push({ label: 'a PostgreSQL instance', mb: r.peakMb });
  console.log(
    `PostgreSQL, 1 instance: ${fmt(r.single.rate)} mentions/s, ${fmt(r.single.cpuPerMentionUs)} µs CPU per mention`,
  );
  console.log(
    `PostgreSQL, 2 instances on the same traffic: ${fmt(r.pair.rate)} mentions/s combined ` +
      `(${(r.pair.rate / r.single.rate).toFixed(2)}x one instance), ${fmt(r.pair.cpuPerMentionUs)} µs CPU per stored mention, ` +
      `${r.pair.processedTwice} processed twice (stored as new by each: ${r.pair.split.map(fmt).join(' + ')}, ${fmt(r.pair.stored)} stored)`,
  );
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
