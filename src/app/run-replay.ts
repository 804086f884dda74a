import { ReplayAdapter } from '../../adapters/replay/replay-adapter.js';
import { ReplaySentLog } from '../../adapters/replay/replay-sent-log.js';
import { caseOutboxHooks } from '../cases/record-message-outcome.js';
import { cleanText } from '../core/clean-text.js';
import { resolveBundled } from '../core/package-root.js';
import { outcomeJson, presentOutcome } from '../demo/present-outcome.js';
import { RunSummary } from '../demo/run-summary.js';
import { OutboxSender } from '../outbox/outbox-sender.js';
import { adapterTransport, type OutboxTransport } from '../outbox/outbox-transport.js';
import { recordOnlyTransport } from '../outbox/record-only-transport.js';
import { batchHandler } from '../pipeline/process-stream.js';
import { buildPipelineDeps } from './build-pipeline.js';
import type { AppContext } from './open-app.js';

export interface ReplayOptions {
  file: string;
  json?: boolean;
  quiet?: boolean;
  /** Where lines of output go (stdout in the CLI). */
  write: (line: string) => void;
  /** The Slack transport when Slack is configured; otherwise messages are recorded and shown. */
  slack?: OutboxTransport;
  /** Keep sending (what the team does from Slack) after the replay, until this resolves (the demo with Slack). */
  keepDrainingUntil?: Promise<void>;
  /** How often the outbox is drained while kept running. */
  drainEveryMs?: number;
}

// Messages waiting on another (a thread on its top message, cases on a burst summary) are sent by the
// next drain: drain until one sends nothing, within reason.
async function drainUntilQuiet(sender: OutboxSender, summary: RunSummary): Promise<void> {
  for (let round = 0; round < 20; round++) {
    const result = await sender.drain();
    summary.addDrain(result);
    if (result.sent === 0) return;
  }
}

/**
 * Runs a JSON-lines file of mentions through the whole pipeline (the demo, and `replay --file`):
 * each mention's score, decision and messages are shown, then a summary. Running it again adds nothing.
 */
export async function runReplay(app: AppContext, options: ReplayOptions): Promise<RunSummary> {
  const summary = new RunSummary();
  // The sent log is output, like the database: relative to the working directory.
  const sentLog = new ReplaySentLog(app.config.replaySentLog);
  const adapter = new ReplayAdapter({
    file: resolveBundled(options.file),
    sentLog,
    onBadLine: async (lineNumber, error, line) => {
      summary.badLines++;
      app.logger.warn({ file: options.file, line: lineNumber }, `unreadable line kept in DeadLetter: ${error}`);
      const letter = { source: `${options.file}:${lineNumber}`, payload: cleanText(line), error };
      if (!(await app.db.deadLetter.findFirst({ where: { source: letter.source, payload: letter.payload } })))
        await app.db.deadLetter.create({ data: letter });
    },
  });
  const sender = new OutboxSender({
    ...caseOutboxHooks,
    db: app.db,
    logger: app.logger,
    maxAttempts: app.config.outboxMaxAttempts,
    leaseMs: app.config.outboxLeaseMs,
    transports: { slack: options.slack ?? recordOnlyTransport('demo-slack') },
    defaultTransport: adapterTransport(adapter), // a replay file may hold any channel: it answers them all
  });
  await sender.recoverInterrupted();
  const deps = buildPipelineDeps(app);
  await adapter.start(
    batchHandler(deps, async (outcomes, failed) => {
      summary.addOutcomes(outcomes, failed);
      summary.addDrain(await sender.drain());
      if (options.quiet) return;
      for (const o of outcomes) {
        if (options.json) options.write(JSON.stringify(outcomeJson(o)));
        else for (const line of presentOutcome(o, Boolean(options.slack))) options.write(line);
      }
    }),
  );
  await drainUntilQuiet(sender, summary);
  options.write(options.json ? JSON.stringify({ summary: summary.toJSON() }) : `\n${summary.toText()}`);
  if (options.keepDrainingUntil)
    await keepDraining(sender, app, options.keepDrainingUntil, options.drainEveryMs ?? 2_000);
  return summary;
}

async function keepDraining(
  sender: OutboxSender,
  app: AppContext,
  until: Promise<void>,
  everyMs: number,
): Promise<void> {
  let stopped = false;
  void until.then(() => (stopped = true));
  while (!stopped) {
    await Promise.race([until, new Promise((resolve) => setTimeout(resolve, everyMs))]);
    if (stopped) break;
    await sender.drain().catch((e) => app.logger.error({ error: String(e) }, 'outbox drain failed'));
  }
}
