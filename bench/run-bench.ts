// `npm run bench [-- --n 20000 --batch 500 --repeat 3 --postgres]`: throughput figures, medians of one run.
// discord.js first: under tsx, loading vega (the digest chart) before it makes the inspect copy bundled
// in @vladfrangu/async_event_emitter (a discord.js dependency) throw while it loads ("string "Set()" is
// not iterable"). Plain node, the built app and jest load them in either order.
import 'discord.js';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { applyMigrations } from '../src/store/apply-migrations';
import { advocateCheckTimes } from './advocate-check-time';
import { caseMessageTimes, seedForCaseMessage } from './case-message-time';
import { ceilingRate, copyDatabase } from './ceiling-rate';
import { seedForDigest, weeklyDigestTimes } from './digest-time';
import { pipelineRate, writeLines } from './pipeline-rate';
import { postgresRates } from './postgres-rate';
import { replayRate } from './replay-rate';
import { seedExistingMentions } from './seed-existing';
import { syntheticLines } from './synthetic-mentions';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

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
  const caseSeed = process.hrtime.bigint();
  const seeded = await seedForCaseMessage(dir, caseMentions, 500, caseEnd);
  console.log(
    `case message: seeded ${fmt(caseMentions)} mentions (one person with 500 on two channels, 6 cases) in ${(Number(process.hrtime.bigint() - caseSeed) / 1e9).toFixed(1)} s`,
  );
  const [coldCase, ...warmCase] = await caseMessageTimes(seeded.file, seeded.caseId, repeat * 5 + 1);
  console.log(
    `case message for a customer with ${fmt(coldCase.total)} timeline entries among ${fmt(caseMentions)} stored mentions: ` +
      `${coldCase.ms.toFixed(1)} ms cold, median ${median(warmCase.map((r) => r.ms)).toFixed(1)} ms warm to load and render ` +
      `(${coldCase.blocks} blocks, ${coldCase.entries} inline; target <= 50 ms)`,
  );
  notePeak('case message');
  finish(dir);
}

// The process's peak so far after each section, so the section that raises the bench's peak shows.
function notePeak(section: string): void {
  console.log(`  peak RSS so far, after ${section}: ${fmt(process.resourceUsage().maxRSS / 1024)} MB`);
}

function finish(dir: string): void {
  console.log(`peak memory (RSS):                         ${fmt(process.resourceUsage().maxRSS / 1024)} MB`);
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
  const lines = syntheticLines(n);
  writeLines(file, lines);
  console.log(
    `mention-desk bench: ${fmt(n)} synthetic mentions, batches of ${batch}, ${repeat} runs each, node ${process.version}, ${os.cpus()[0]?.model}, load ${loadAverage()}`,
  );
  if (values.only === 'postgres') return postgresSection(file, batch);
  // Pipeline and ceiling alternate (A/B in one run), so the machine's noise falls on both.
  const empty = await pipelineAgainstCeiling(dir, file, lines, batch, repeat, undefined, 'empty database');
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
    const seedStart = process.hrtime.bigint();
    const seeded = await seedExistingMentions(dir, existing, Date.now());
    const seedSeconds = Number(process.hrtime.bigint() - seedStart) / 1e9;
    const r = await pipelineAgainstCeiling(dir, file, lines, batch, largeRepeat, seeded, `${fmt(existing)} stored`);
    console.log(
      `with ${fmt(existing)} existing mentions (seeded in ${seedSeconds.toFixed(1)} s): pipeline ${fmt(r.pipeline)} mentions/s, ` +
        `${(r.pipeline / empty.pipeline).toFixed(2)}x the empty-database rate (target 0.9); ceiling ${fmt(r.ceiling)}, ratio ${r.ratio.toFixed(2)}`,
    );
    notePeak(`the ${fmt(existing)}-stored runs`);
    if (largest) fs.rmSync(largest, { force: true });
    largest = seeded;
  }
  if (largest) {
    // Start-up on an empty file first: what the stored rows add is the difference.
    const emptyFile = path.join(dir, 'startup-empty.db');
    await applyMigrations(`file:${emptyFile}`);
    const runs = Math.max(3, largeRepeat);
    const base = Array.from({ length: runs }, () => startupProbe(emptyFile));
    const probes = Array.from({ length: runs }, () => startupProbe(largest!));
    const ms = median(probes.map((p) => p.ms));
    const mb = median(probes.map((p) => p.addedMb));
    const baseMb = median(base.map((p) => p.addedMb));
    console.log(
      `start-up with ${fmt(sizes[sizes.length - 1])} stored mentions (own process, median of ${runs}): ${ms.toFixed(0)} ms ` +
        `(empty database ${median(base.map((p) => p.ms)).toFixed(0)} ms), RSS +${mb.toFixed(0)} MB, ` +
        `+${(mb - baseMb).toFixed(0)} MB more than on an empty database; ${fmt(probes[0].recent)} reply hashes loaded ` +
        `(targets <= 1,000 ms, <= +50 MB)`,
    );
    fs.rmSync(largest, { force: true });
  }
  const replays = [];
  for (let i = 0; i < repeat; i++) replays.push(await replayRate(dir, file));
  console.log(
    `replay end to end (stored, outbox drained to the replay log): median ${fmt(median(replays.map((r) => r.rate)))} mentions/s, ` +
      `${fmt(replays[0].sent)} messages sent, ${replays[0].left} left queued (target 3,000)`,
  );
  notePeak('replay');
  if (values.postgres) await postgresSection(file, batch);
  if (values.only === 'pipeline') return;
  const stored = Number(values['digest-mentions'] ?? 1_000_000);
  const end = Date.parse('2026-11-23T08:00:00Z');
  const seedStart = process.hrtime.bigint();
  const digestFile = await seedForDigest(dir, stored, end);
  console.log(
    `digest: seeded ${fmt(stored)} mentions and ${fmt(stored / 5)} cases over 90 days in ${(Number(process.hrtime.bigint() - seedStart) / 1e9).toFixed(1)} s`,
  );
  const [cold, ...warm] = await weeklyDigestTimes(digestFile, end, repeat + 1);
  console.log(
    `weekly digest over ${fmt(stored)} stored mentions (${fmt(cold.mentionsInWeek)} in the week): ` +
      `${fmt(cold.buildMs)} ms cold (first after start), median ${fmt(median(warm.map((r) => r.buildMs)))} ms warm to build ` +
      `(queries + figures + Markdown); median ${fmt(median(warm.map((r) => r.chartMs)))} ms to draw the PNG chart`,
  );
  notePeak('digest');
  fs.rmSync(digestFile, { force: true });
}

/**
 * `repeat` runs of the pipeline and of its ceiling, alternating, each into its own copy of `seeded` (or
 * a fresh file): medians of both and of their per-run ratios.
 */
async function pipelineAgainstCeiling(
  dir: string,
  file: string,
  lines: string[],
  batch: number,
  repeat: number,
  seeded: string | undefined,
  label: string,
) {
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
    const p = await pipelineRate(pipelineFile, file, batch);
    const c = ceilingRate(pipelineFile, ceilingFile, lines, batch);
    pipeline.push(p.rate);
    ceiling.push(c.rate);
    ratios.push(p.rate / c.rate);
    console.log(
      `  ${label}, run ${i + 1}: pipeline ${fmt(p.rate)} mentions/s (${fmt(p.stored)} stored), ceiling ${fmt(c.rate)} mentions/s, ratio ${(p.rate / c.rate).toFixed(2)}`,
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

function startupProbe(file: string): { ms: number; addedMb: number; peakAddedMb: number; recent: number } {
  const tsx = path.join(__dirname, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const out = execFileSync(process.execPath, [tsx, path.join(__dirname, 'startup-probe.ts'), file], {
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').pop()!);
}

async function postgresSection(file: string, batch: number): Promise<void> {
  const r = await postgresRates(file, batch);
  if ('skip' in r) {
    console.log(`--postgres skipped: ${r.skip}`);
    return;
  }
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
