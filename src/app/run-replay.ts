import { ReplayAdapter } from '../../adapters/replay/replay-adapter.js';
import { ReplaySentLog } from '../../adapters/replay/replay-sent-log.js';
import { caseOutboxHooks } from '../cases/record-message-outcome.js';
import { cleanText } from '../core/clean-text.js';
import { resolveBundled } from '../core/package-root.js';
import { outcomeJson, presentOutcome } from '../demo/present-outcome.js';
import { RunSummary } from '../demo/run-summary.js';
import type { Metrics } from '../log/metrics.js';
import { OutboxSender } from '../outbox/outbox-sender.js';
import { adapterTransport, type OutboxTransport } from '../outbox/outbox-transport.js';
import { recordOnlyTransport } from '../outbox/record-only-transport.js';
import { batchHandler } from '../pipeline/process-stream.js';
import { buildPipelineDeps } from './build-pipeline.js';
import { instrumentTransport } from './instrument-transport.js';
import type { AppContext } from './open-app.js';
import { timedScorer } from './timed-scorer.js';

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
  /** Graceful stop: once true, no new line is read and no new message is sent (the rest stays queued). */
  stopping?: () => boolean;
  /** Resolves when the stop begins (first SIGTERM/SIGINT). */
  stopSignal?: Promise<void>;
  metrics?: Metrics;
  /** Moves the file's post times by whole days so the latest falls in the day before this (the demo). */
  shiftTimesBefore?: Date;
  /** Runs once the replay and its summary are done, before the Slack desk is kept running (the demo's digest). */
  afterReplay?: () => Promise<void>;
}

// Messages waiting on another (a thread on its top message, cases on a burst summary) are sent by the
// next drain: drain until one sends nothing, within reason.
async function drainUntilQuiet(sender: OutboxSender, summary: RunSummary, stopping: () => boolean): Promise<void> {
  for (let round = 0; round < 20 && !stopping(); round++) {
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
  // The sent log is output, like the database: relative to the project root (config resolves it).
  const sentLog = new ReplaySentLog(app.config.replaySentLog);
  const adapter = new ReplayAdapter({
    file: resolveBundled(options.file),
    sentLog,
    shiftTimesBefore: options.shiftTimesBefore,
    onBadLine: async (lineNumber, error, line) => {
      summary.badLines++;
      app.logger.warn({ file: options.file, line: lineNumber }, `unreadable line kept in DeadLetter: ${error}`);
      const letter = { source: `${options.file}:${lineNumber}`, payload: cleanText(line), error };
      if (!(await app.db.deadLetter.findFirst({ where: { source: letter.source, payload: letter.payload } })))
        await app.db.deadLetter.create({ data: letter });
    },
  });
  const stopping = options.stopping ?? (() => false);
  void options.stopSignal?.then(() => adapter.stop());
  const gate = { metrics: options.metrics, stopping };
  const sender = new OutboxSender({
    ...caseOutboxHooks,
    db: app.db,
    logger: app.logger,
    maxAttempts: app.config.outboxMaxAttempts,
    leaseMs: app.config.outboxLeaseMs,
    transports: { slack: instrumentTransport('slack', options.slack ?? recordOnlyTransport('demo-slack'), gate) },
    // A replay file may hold any channel: it answers them all.
    // The replay log is a local file: a lane's sent rows are recorded in one transaction.
    defaultTransport: instrumentTransport('row', { ...adapterTransport(adapter), recordInBatches: true }, gate),
  });
  await sender.recoverInterrupted();
  const deps = buildPipelineDeps(app, options.metrics ? { score: timedScorer(options.metrics) } : {});
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
  await drainUntilQuiet(sender, summary, stopping);
  options.write(options.json ? JSON.stringify({ summary: summary.toJSON() }) : `\n${summary.toText()}`);
  if (options.afterReplay && !stopping()) await options.afterReplay();
  if (options.keepDrainingUntil && !stopping())
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
    let timer: NodeJS.Timeout | undefined;
    // The pause is cleared when the stop comes, so a pending timer never holds the exiting process.
    await Promise.race([until, new Promise((resolve) => (timer = setTimeout(resolve, everyMs)))]);
    clearTimeout(timer);
    if (stopped) break;
    await sender.drain().catch((e) => app.logger.error({ error: String(e) }, 'outbox drain failed'));
  }
}
