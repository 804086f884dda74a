// `npm run bench [-- --n 20000 --batch 500 --repeat 3]`: throughput figures, medians of one run.
// discord.js first: under tsx, loading vega (the digest chart) before it makes the inspect copy bundled
// in @vladfrangu/async_event_emitter (a discord.js dependency) throw while it loads ("string "Set()" is
// not iterable"). Plain node, the built app and jest load them in either order.
import 'discord.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { caseMessageTimes, seedForCaseMessage } from './case-message-time';
import { seedForDigest, weeklyDigestTimes } from './digest-time';
import { pipelineRate, writeLines } from './pipeline-rate';
import { rawInsertRate } from './raw-insert-rate';
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
    },
  });
  const n = Number(values.n ?? 20_000);
  const batch = Number(values.batch ?? 500);
  const repeat = Number(values.repeat ?? 3);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'md-bench-'));
  // `--only case-message`: just that step (seeding a million rows for it is the slow part).
  if (values.only !== 'case-message') await throughputAndDigest(values, dir, n, batch, repeat);
  if (values.only === 'pipeline') return finish(dir);
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
  finish(dir);
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
  writeLines(file, syntheticLines(n));
  console.log(
    `mention-desk bench: ${fmt(n)} synthetic mentions, batches of ${batch}, ${repeat} runs each, node ${process.version}, ${os.cpus()[0]?.model}`,
  );

  const pipeline: number[] = [];
  const raw: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const p = await pipelineRate(dir, file, batch);
    const r = rawInsertRate(p.dbFile, n, batch);
    pipeline.push(p.rate);
    raw.push(r);
    ratios.push(p.rate / r);
    console.log(
      `  run ${i + 1}: pipeline ${fmt(p.rate)} mentions/s (${fmt(p.stored)} stored), raw batched inserts ${fmt(r)} rows/s, ratio ${(p.rate / r).toFixed(3)}`,
    );
  }
  console.log(`pipeline (ingest, score, decide, persist): median ${fmt(median(pipeline))} mentions/s (target 2,000)`);
  console.log(`raw batched inserts, same SQLite file:     median ${fmt(median(raw))} rows/s`);
  console.log(`ratio pipeline / raw:                      median ${median(ratios).toFixed(3)}`);
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
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
