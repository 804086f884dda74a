// One instance of the `--postgres` bench, in its own process: the pipeline over a replay file into a
// PostgreSQL database, then one JSON line (mentions it stored as new, seconds, CPU seconds).
import { ReplayAdapter } from '../adapters/replay/replay-adapter';
import { buildPipelineDeps } from '../src/app/build-pipeline';
import { openApp } from '../src/app/open-app';
import { loadConfig } from '../src/config/load-config';
import { silentLogger } from '../src/log/create-logger';
import { batchHandler } from '../src/pipeline/process-stream';
import { reportToParent } from './run-child';

async function main() {
  const [url, file, batch] = process.argv.slice(2);
  const app = await openApp(loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' }), silentLogger());
  const deps = buildPipelineDeps(app);
  let fresh = 0;
  let duplicates = 0;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await new ReplayAdapter({ file, batchSize: Number(batch) }).start(
    batchHandler(deps, (outcomes) => {
      for (const o of outcomes) {
        if (o.status === 'new') fresh++;
        else if (o.status === 'duplicate') duplicates++;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  await app.close();
  reportToParent({ fresh, duplicates, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 });
}

void main();
