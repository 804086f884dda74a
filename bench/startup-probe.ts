// Child process of the bench: opens the app on an existing database and prints how long start-up took
// and how much memory it added, as one JSON line. A process of its own, so nothing the bench did before
// (seeding, other runs) counts in its memory.
import 'discord.js';
import { openApp } from '../src/app/open-app';
import { loadConfig } from '../src/config/load-config';
import { silentLogger } from '../src/log/create-logger';
import { reportToParent } from './run-child';

async function main() {
  const file = process.argv[2];
  const config = loadConfig({ DATABASE_URL: `file:${file}`, LOG_LEVEL: 'silent' });
  const rssBefore = process.memoryUsage().rss;
  const t0 = process.hrtime.bigint();
  const app = await openApp(config, silentLogger());
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const rssAfter = process.memoryUsage().rss;
  const peak = process.resourceUsage().maxRSS * 1024;
  reportToParent({
    ms,
    addedMb: (rssAfter - rssBefore) / 2 ** 20,
    peakAddedMb: (peak - rssBefore) / 2 ** 20,
    recent: app.recent.size,
  });
  await app.close();
}

void main();
