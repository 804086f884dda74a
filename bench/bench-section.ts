// Child process of the bench: runs one measurement (`bench/bench-section.ts <section> <json args>`) and
// prints its result as one JSON line with the process's peak RSS. Each pipeline, ceiling, replay, digest
// and case-message measurement runs in a process of its own, so the bench's peak memory is the largest
// single measurement's, not the sum of every run's garbage (see run-bench.ts).
import fs from 'node:fs';
import path from 'node:path';
import { scoreComplaint } from '../src/scoring/score-complaint';
import { caseMessageTimes, seedForCaseMessage } from './case-message-time';
import { ceilingRate } from './ceiling-rate';
import { seedForDigest, weeklyDigestTimes } from './digest-time';
import { pipelineRate } from './pipeline-rate';
import { replayRate } from './replay-rate';
import { reportToParent } from './run-child';
import { seedExistingMentions } from './seed-existing';

// Each section reads its own fields from the parent's JSON.
type Args = Record<string, any>;

const readLines = (file: string) => fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

const sections: Record<string, (a: Args) => Promise<object>> = {
  async pipeline(a) {
    // A fresh process runs its first thousands of mentions at about half speed (V8 has compiled nothing
    // yet); the bot runs for days. A warm-up into a scratch file first, as the runs sharing one process did.
    if (a.warmUp) {
      const scratch = path.join(a.dir, `warm-up-${process.pid}.db`);
      await pipelineRate(scratch, a.warmUp, a.batch);
      for (const ext of ['', '-wal', '-shm']) fs.rmSync(scratch + ext, { force: true });
    }
    return pipelineRate(a.dbFile, a.file, a.batch);
  },
  async ceiling(a) {
    // The same warm-up as the pipeline's where the ceiling has code to compile: the scorer.
    for (const line of readLines(a.warmUp)) scoreComplaint((JSON.parse(line) as { text: string }).text);
    return ceilingRate(a.from, a.into, readLines(a.file), a.batch);
  },
  replay: (a) => replayRate(a.dir, a.file),
  async seed(a) {
    const t0 = process.hrtime.bigint();
    const file = await seedExistingMentions(a.dir, a.existing, a.end);
    return { file, seconds: seconds(t0) };
  },
  async digest(a) {
    const t0 = process.hrtime.bigint();
    const file = await seedForDigest(a.dir, a.stored, a.end);
    const seedSeconds = seconds(t0);
    const runs = await weeklyDigestTimes(file, a.end, a.runs);
    fs.rmSync(file, { force: true });
    return { seedSeconds, runs };
  },
  async 'case-message'(a) {
    const t0 = process.hrtime.bigint();
    const seeded = await seedForCaseMessage(a.dir, a.mentions, 500, a.end);
    const seedSeconds = seconds(t0);
    const runs = await caseMessageTimes(seeded.file, seeded.caseId, a.runs);
    fs.rmSync(seeded.file, { force: true });
    return { seedSeconds, runs };
  },
};

async function main() {
  const [name, json] = process.argv.slice(2);
  const section = sections[name];
  if (!section) throw new Error(`unknown bench section ${name}`);
  reportToParent(await section(JSON.parse(json)));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
