import { ReplayAdapter } from '../adapters/replay/replay-adapter';
import { buildPipelineDeps } from '../src/app/build-pipeline';
import { openApp } from '../src/app/open-app';
import { loadConfig } from '../src/config/load-config';
import { silentLogger } from '../src/log/create-logger';
import { batchHandler } from '../src/pipeline/process-stream';

/** Mentions per second through ingest, score, decide and persist (replay adapter, into `dbFile`, new or seeded). */
export async function pipelineRate(
  dbFile: string,
  file: string,
  batch: number,
): Promise<{ rate: number; stored: number; dbFile: string }> {
  const config = loadConfig({ DATABASE_URL: `file:${dbFile}`, LOG_LEVEL: 'silent' });
  const app = await openApp(config, silentLogger());
  const deps = buildPipelineDeps(app);
  let count = 0;
  const adapter = new ReplayAdapter({ file, batchSize: batch });
  const t0 = process.hrtime.bigint();
  await adapter.start(
    batchHandler(deps, (outcomes) => {
      count += outcomes.length;
    }),
  );
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const stored = await app.db.mention.count();
  await app.close();
  return { rate: count / seconds, stored, dbFile };
}
