import { caseOutboxHooks } from '../cases/record-message-outcome.js';
import { describeError } from '../core/app-error.js';
import type { LiveChannel } from '../core/live-channel.js';
import { startJobs } from '../jobs/create-jobs.js';
import type { Metrics } from '../log/metrics.js';
import { OutboxSender } from '../outbox/outbox-sender.js';
import { adapterTransport, type OutboxTransport } from '../outbox/outbox-transport.js';
import { recordOnlyTransport } from '../outbox/record-only-transport.js';
import type { PipelineDeps } from '../pipeline/pipeline-deps.js';
import { batchHandler } from '../pipeline/process-stream.js';
import { recomposeAcknowledgement } from '../pipeline/recompose-acknowledgement.js';
import { dbProvider } from '../store/create-db.js';
import { buildPipelineDeps } from './build-pipeline.js';
import { instrumentTransport } from './instrument-transport.js';
import { configuredChannels } from './known-channels.js';
import type { AppContext } from './open-app.js';
import { SourceLeaseKeeper } from './source-lease-keeper.js';
import { timedScorer } from './timed-scorer.js';

export interface LiveOptions {
  /** Transport for Slack when the Slack desk runs; otherwise Slack messages are only recorded. */
  slack?: OutboxTransport;
  /** How often the outbox is drained between batches. */
  drainEveryMs?: number;
  /** Resolves when the bot should stop (SIGINT/SIGTERM in the CLI). */
  stopSignal: Promise<void>;
  /** Once true, no new message is sent: the rest stays queued for the next start. */
  stopping?: () => boolean;
  metrics?: Metrics;
  /** Told each channel's connection state once the channels have started (readiness, metrics). */
  onChannels?: (channels: Array<{ name: string; isUp: () => boolean }>) => void;
}

/** Starts every configured channel of the channel list; none is named here. */
async function startChannels(app: AppContext): Promise<LiveChannel[]> {
  const host = { brand: app.config.brand, db: app.db, logger: app.logger };
  return Promise.all(configuredChannels(app.config).map(({ channel, settings }) => channel.create(host, settings)));
}

/**
 * Runs the bot against every configured platform until `stopSignal`: each adapter feeds the pipeline,
 * one outbox sender delivers everything, and shutdown waits for in-flight work.
 */
export async function runLive(app: AppContext, options: LiveOptions): Promise<void> {
  const channels = await startChannels(app);
  if (!channels.length) throw new Error('no channel adapter is configured');
  const gate = { metrics: options.metrics, stopping: options.stopping };
  const transports: Record<string, OutboxTransport> = {
    slack: instrumentTransport('slack', options.slack ?? recordOnlyTransport('unconfigured-slack'), gate),
  };
  for (const c of channels) {
    transports[c.adapter.channel] = instrumentTransport(c.adapter.channel, adapterTransport(c.adapter), gate);
  }
  const scorer = options.metrics ? { score: timedScorer(options.metrics) } : {};
  const deps = mergePipeline(buildPipelineDeps(app, scorer), channels);
  const guards = new Map(channels.map((c) => [c.adapter.channel, c.outboxGuard]));
  const sender = new OutboxSender({
    ...caseOutboxHooks,
    db: app.db,
    transports,
    logger: app.logger,
    maxAttempts: app.config.outboxMaxAttempts,
    leaseMs: app.config.outboxLeaseMs,
    guard: async (row) => guards.get(row.channel)?.(row),
    recompose: recomposeAcknowledgement(deps),
  });
  await sender.recoverInterrupted();

  let draining: Promise<unknown> = Promise.resolve();
  const drain = () => {
    draining = draining
      .then(() => sender.drain())
      .catch((e) => app.logger.error({ error: describeError(e) }, 'outbox drain failed'));
    return draining;
  };
  const timer = setInterval(drain, options.drainEveryMs ?? 2_000);
  const jobs = startJobs(
    app,
    deps.channelRules,
    channels.map((c) => c.adapter.channel),
  );
  const handler = batchHandler(deps, () => void drain());
  const started = new Map<string, boolean>();
  const startChannel = (c: LiveChannel) =>
    c.adapter.start(handler).then(
      () => started.set(c.adapter.channel, true),
      (e) => {
        started.set(c.adapter.channel, false);
        app.logger.error({ channel: c.adapter.channel, error: describeError(e) }, 'channel failed to start');
      },
    );
  // N identical instances on one PostgreSQL: each source (the X account's polling, the Discord gateway)
  // runs on the one instance holding its lease; the others stand by and take over when it dies. SQLite
  // has one writer, so one instance: it starts everything itself.
  const leases =
    dbProvider(app.db) === 'postgresql'
      ? new SourceLeaseKeeper({ db: app.db, leaseMs: app.config.sourceLeaseMs, logger: app.logger })
      : undefined;
  await Promise.all(
    channels.map((c) =>
      leases
        ? leases.watch(c.adapter.channel, {
            start: () => startChannel(c).then(() => undefined),
            stop: async () => {
              started.set(c.adapter.channel, false);
              await c.adapter.stop();
            },
          })
        : startChannel(c),
    ),
  );
  // A channel that can tell its connection state (connected()) is asked; otherwise a start that succeeded
  // counts. Standing by for a source another instance holds is a healthy state too.
  options.onChannels?.(
    channels.map((c) => {
      const adapter = c.adapter as typeof c.adapter & { connected?: () => boolean };
      const name = c.adapter.channel;
      const standingBy = () => leases !== undefined && !leases.holds(name);
      return { name, isUp: () => standingBy() || ((started.get(name) ?? false) && (adapter.connected?.() ?? true)) };
    }),
  );
  app.logger.info({ channels: channels.map((c) => c.adapter.channel) }, 'watching');
  await options.stopSignal;
  clearInterval(timer);
  await jobs.stop();
  // Leases are given back on a clean stop (the keeper stops what it runs), so another instance takes the
  // sources over at once.
  if (leases) await leases.stop();
  else await Promise.all(channels.map((c) => c.adapter.stop()));
  await draining;
}

/** The pipeline with what each running channel adds: account ids, deployed rules, pointer values, budget. */
function mergePipeline(base: PipelineDeps, channels: LiveChannel[]): PipelineDeps {
  const byChannel = new Map(channels.map((c) => [c.adapter.channel, c.pipeline ?? {}]));
  const extraIds = channels.flatMap((c) => c.pipeline?.accountIds ?? []);
  return {
    ...base,
    brand: { ...base.brand, accountIds: [...new Set([...base.brand.accountIds, ...extraIds])] },
    channelRules: (ch) => byChannel.get(ch)?.rules?.() ?? base.channelRules(ch),
    pointerValues: (ch) => byChannel.get(ch)?.pointerValues?.() ?? base.pointerValues?.(ch) ?? {},
    budgetReached: (ch) => byChannel.get(ch)?.budgetReached?.() ?? base.budgetReached(ch),
  };
}
