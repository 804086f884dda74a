import path from 'node:path';
import { openApp } from '../src/app/open-app';
import { runReplay } from '../src/app/run-replay';
import { loadConfig } from '../src/config/load-config';
import { silentLogger } from '../src/log/create-logger';

/**
 * `mention-desk replay` end to end into a fresh SQLite file: every mention stored and every message it
 * caused sent to the replay log (acknowledgements, invitations) or the recording Slack transport, the
 * outbox drained to empty. Mentions per second over the whole run.
 */
export async function replayRate(dir: string, file: string): Promise<{ rate: number; sent: number; left: number }> {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const config = loadConfig({
    DATABASE_URL: `file:${path.join(dir, `replay-${stamp}.db`)}`,
    REPLAY_SENT_LOG: path.join(dir, `replay-sent-${stamp}.jsonl`),
    LOG_LEVEL: 'silent',
  });
  const app = await openApp(config, silentLogger());
  const t0 = process.hrtime.bigint();
  const summary = await runReplay(app, { file, quiet: true, write: () => {} });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const sent = await app.db.outboundMessage.count({ where: { status: 'sent' } });
  const left = await app.db.outboundMessage.count({ where: { status: { in: ['pending', 'sending'] } } });
  await app.close();
  return { rate: summary.read / seconds, sent, left };
}
