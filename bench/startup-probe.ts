// Child process of the bench: opens the app on an existing database and prints how long start-up took
// and how much memory it added, as one JSON line. A process of its own, so nothing the bench did before
// (seeding, other runs) counts in its memory.
import { openApp } from '../src/app/open-app';
import { loadConfig } from '../src/config/load-config';
import { silentLogger } from '../src/log/create-logger';
import { reportToParent } from './run-child';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * RSS once it has stopped growing (at most 4 s). Opening the Prisma client starts work on V8's
 * background threads (compiling its query engine's WebAssembly and the code just loaded; without
 * WebAssembly tier-up about a quarter less) that goes on for about a second and keeps some 45 MB:
 * taken at once, RSS counts that work in a slow start-up (a million rows) and not in a fast one (an
 * empty file), and their difference is not what the rows cost (measured with a sleep instead of a read).
 */
async function settledRss(): Promise<number> {
  let last = process.memoryUsage().rss;
  for (let i = 0, still = 0; i < 40 && still < 5; i++) {
    await sleep(100);
    const now = process.memoryUsage().rss;
    still = now - last < 2 ** 20 ? still + 1 : 0;
    last = now;
  }
  return last;
}

async function main() {
  const file = process.argv[2];
  const config = loadConfig({ DATABASE_URL: `file:${file}`, LOG_LEVEL: 'silent' });
  const rssBefore = process.memoryUsage().rss;
  const t0 = process.hrtime.bigint();
  const app = await openApp(config, silentLogger());
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const rssAfter = process.memoryUsage().rss;
  const settled = await settledRss();
  const peak = process.resourceUsage().maxRSS * 1024;
  reportToParent({
    ms,
    addedMb: (rssAfter - rssBefore) / 2 ** 20,
    settledAddedMb: (settled - rssBefore) / 2 ** 20,
    peakAddedMb: (peak - rssBefore) / 2 ** 20,
    recent: app.recent.size,
  });
  await app.close();
}

void main();
