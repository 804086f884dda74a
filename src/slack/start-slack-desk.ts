import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type App, webApi } from '@slack/bolt';
import type { AdvocateRules } from '../advocacy/advocate-rules.js';
import type { Config } from '../config/load-config.js';
import { AppError, describeError } from '../core/app-error.js';
import { SendError } from '../core/channel-adapter.js';
import type { ChannelLimit } from '../core/channel-limit.js';
import { redactUrlCredentials } from '../core/redact-url-credentials.js';
import { digestOnRequest, type RequestDigest } from '../digest/digest-on-request.js';
import type { Logger } from '../log/create-logger.js';
import type { Metrics } from '../log/metrics.js';
import type { OutboxTransport } from '../outbox/outbox-transport.js';
import { databaseProvider } from '../store/apply-migrations.js';
import type { Db } from '../store/create-db.js';
import { boltLogger } from './bolt-logger.js';
import { createMembershipCheck } from './check-membership.js';
import { createSlackApp } from './create-slack-app.js';
import { type OnPacingWait, type Pacer, PostPacer } from './delivery/pace-posts.js';
import { SharedPostPacer } from './delivery/shared-post-pacer.js';
import { createSlackTransport } from './delivery/slack-transport.js';
import { toSendError } from './delivery/to-send-error.js';
import { registerHandlers } from './register-handlers.js';

/** The running Slack desk: the outbox transport for the `slack` channel, and the Bolt app serving clicks. */
export interface SlackDesk {
  transport: OutboxTransport;
  app: App;
  mode: 'socket' | 'http';
  /** The HTTP port actually bound (HTTP mode), once connected. */
  port?: number;
  /** Whether the desk reached Slack (it starts without it while Slack answers 5xx or 429, and retries). */
  connected(): boolean;
  stop(): Promise<void>;
}

/** What the Slack desk needs from the running app. */
export interface DeskHost {
  config: Pick<Config, 'slack' | 'databaseUrl' | 'acknowledgeAutomatically' | 'jobs'> & Partial<Pick<Config, 'brand'>>;
  db: Db;
  logger: Logger;
  /** How long a public reply may be on each channel (the *Reply publicly* length check). */
  channelLimit: (channel: string) => ChannelLimit;
  /** The advocate check's rules (the app reads them with the prompts). */
  advocateRules: AdvocateRules;
}

export interface StartDeskOptions {
  /** Builds the managers' digest for "/mentions digest" (default: today and the 6 days before; digestOnRequest). */
  requestDigest?: RequestDigest;
  now?: () => Date;
  pacer?: Pacer;
  /** Where the posting pace's waits are counted (mention_desk_pacing_wait_seconds). */
  metrics?: Metrics;
}

// Slack allows about one post a second per conversation: the time each post waited for its slot.
const countPostPacing = (metrics: Metrics | undefined): OnPacingWait | undefined =>
  metrics
    ? (waitMs) => metrics.pacingWaitSeconds.observe({ channel: 'slack', reason: 'slack_post_pacing' }, waitMs / 1000)
    : undefined;

/**
 * Starts the Slack desk when Slack is configured (null when it is not): Bolt in Socket Mode or over
 * HTTP, every handler registered, and the transport the outbox sends Slack messages through. Its
 * WebClient rejects rate-limited calls instead of waiting in memory, so the outbox waits durably.
 */
export async function startSlackDesk(app: DeskHost, options: StartDeskOptions = {}): Promise<SlackDesk | null> {
  const config = app.config.slack;
  if (!config) return null;
  const now = options.now ?? (() => new Date());
  const sendClient = new webApi.WebClient(config.botToken, {
    slackApiUrl: config.apiUrl,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: 30_000,
    logger: boltLogger(app.logger, 'slack-send'),
  });
  const transport = createSlackTransport({
    db: app.db,
    client: sendClient,
    config,
    // Several instances on one PostgreSQL share each channel's pace through the database.
    pacer:
      options.pacer ??
      (databaseProvider(app.config.databaseUrl) === 'postgresql'
        ? new SharedPostPacer(
            app.db,
            'postgresql',
            config.minPostIntervalMs,
            undefined,
            countPostPacing(options.metrics),
          )
        : new PostPacer(config.minPostIntervalMs, undefined, countPostPacing(options.metrics))),
    logger: app.logger,
    now,
    databaseProvider: databaseProvider(app.config.databaseUrl),
  });
  const bolt = createSlackApp(config, app.logger);
  registerHandlers(bolt, {
    db: app.db,
    config,
    logger: app.logger,
    now,
    isMember: createMembershipCheck(bolt.client, config),
    acknowledgeAutomatically: app.config.acknowledgeAutomatically,
    channelLimit: app.channelLimit,
    advocateRules: app.advocateRules,
    brandHandle: app.config.brand?.handles[0] ?? app.config.brand?.name ?? 'the brand',
    requestDigest:
      options.requestDigest ??
      digestOnRequest({
        db: app.db,
        provider: databaseProvider(app.config.databaseUrl),
        now,
        timeZone: app.config.jobs.timeZone,
        channelId: app.config.jobs.digest.managersChannelId ?? config.channelId,
      }),
  });
  const mode = config.appToken ? 'socket' : 'http';
  const listen = async (): Promise<number | undefined> => {
    let started: unknown;
    try {
      started =
        mode === 'socket' ? await bolt.start() : await bolt.start({ port: config.httpPort, host: config.httpHost });
    } catch (error) {
      // Socket Mode opens its connection through Slack's API (apps.connections.open): an incident there is
      // waited out like one at auth.test; anything else is a setting to fix.
      if (mode === 'socket' && isIncident(toSendError(error))) throw error;
      throw startFailed(
        error,
        mode === 'socket'
          ? 'check SLACK_APP_TOKEN (an app-level token with connections:write) and that Slack is reachable'
          : `check SLACK_HTTP_HOST and SLACK_HTTP_PORT (${config.httpHost}:${config.httpPort})`,
      );
    }
    const port = mode === 'http' ? ((started as Server).address() as AddressInfo).port : undefined;
    app.logger.info(
      { mode, port },
      mode === 'socket'
        ? 'Slack desk connected (Socket Mode)'
        : `Slack desk listening on ${config.httpHost}:${port}/slack/events`,
    );
    return port;
  };
  const connection = new DeskConnection(now);
  const desk: SlackDesk = {
    transport: untilConnected(transport, connection),
    app: bolt,
    mode,
    connected: () => connection.connected,
    stop: async () => {
      connection.stop();
      if (!connection.connected) return;
      await bolt.stop();
      app.logger.info('Slack desk stopped');
    },
  };
  let initialized = false;
  const connect = async () => {
    // The token check first, with the client that refuses a 429 at once: Bolt's own would sit out a
    // Retry-After in memory while nothing else starts.
    await sendClient.auth.test();
    if (!initialized) await bolt.init();
    initialized = true;
    const port = await listen();
    // Stopped while this retry was connecting: the listener must not outlive the desk (nor hold the process).
    if (connection.stopped) return void (await bolt.stop());
    desk.port = port;
    connection.connected = true;
  };
  try {
    await connect();
    return desk;
  } catch (error) {
    if (error instanceof AppError && error.code === 'slack_start_failed') throw error;
    const failure = toSendError(error);
    // Slack answered, but with an incident (5xx, 429): the bot starts without it, so X and Discord are
    // still acknowledged, and Slack's messages wait in the outbox until the desk connects. A wrong token,
    // or nothing answering at SLACK_API_URL, is a setting to fix: start-up stops and says which.
    if (!isIncident(failure)) throw connectFailed(error, config.apiUrl);
    connection.retry(connect, failure, app.logger);
    return desk;
  }
}

/**
 * Whether the desk reached Slack, and the retries until it does: 1 s, doubling to 30 s, or Slack's
 * Retry-After. A retry that finds a setting to fix (a revoked token) logs it and keeps trying slowly.
 */
class DeskConnection {
  connected = false;
  nextTryAt = 0;
  lastError = '';
  stopped = false;
  private timer?: NodeJS.Timeout;

  constructor(private readonly now: () => Date) {}

  retry(connect: () => Promise<void>, failure: SendError, logger: Logger, delayMs = 1_000): void {
    if (this.stopped) return;
    const waitMs = Math.max(delayMs, failure.retryAfterMs ?? 0);
    this.lastError = failure.message;
    this.nextTryAt = this.now().getTime() + waitMs;
    logger.warn(
      { error: failure.message, retryInMs: waitMs },
      'Slack is not answering yet: the channels run, and Slack messages wait in the outbox until the desk connects',
    );
    this.timer = setTimeout(() => {
      connect().then(
        () => logger.info('Slack desk connected: its waiting messages go out now'),
        (error) => {
          const next =
            error instanceof AppError && error.code === 'slack_start_failed' ? undefined : toSendError(error);
          if (!next) logger.error({ error: describeError(error) }, 'the Slack desk could not start its listener');
          else if (!isIncident(next))
            logger.error({ error: next.message }, 'Slack refuses the desk: check SLACK_BOT_TOKEN and SLACK_API_URL');
          this.retry(connect, next ?? failure, logger, Math.min(delayMs * 2, MAX_RETRY_MS));
        },
      );
    }, waitMs);
    this.timer.unref();
  }

  /** How long until the next try (at least a second: a send refused now is tried again then). */
  msUntilNextTry(): number {
    return Math.max(1_000, this.nextTryAt - this.now().getTime());
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}

const MAX_RETRY_MS = 30_000;

/** Slack answered, but with an incident (HTTP 5xx, 429): waited out, never a reason to stop. */
const isIncident = (failure: SendError) => failure.failure === 'server' || failure.failure === 'rate_limited';

/**
 * The transport while the desk has not reached Slack: every send waits (a channel-wide pause until the
 * next try, which never uses up a message's attempts); once connected, the transport itself.
 */
function untilConnected(transport: OutboxTransport, connection: DeskConnection): OutboxTransport {
  const notYet = () =>
    new SendError(
      'rate_limited',
      `the Slack desk has not reached Slack yet (${connection.lastError})`,
      true,
      connection.msUntilNextTry(),
      undefined,
      'channel',
      'slack_connecting',
    );
  const ready = <T>(go: () => Promise<T>): Promise<T> => (connection.connected ? go() : Promise.reject(notYet()));
  return {
    send: (row) => ready(() => transport.send(row)),
    findSent: transport.findSent && ((row) => ready(() => transport.findSent!(row))),
    findSentMany: transport.findSentMany && ((rows) => ready(() => transport.findSentMany!(rows))),
    // Alone while not connected, so the refusal above is each row's (sendTogether is only reached once connected).
    togetherKey: transport.togetherKey && ((row) => (connection.connected ? transport.togetherKey!(row) : undefined)),
    sendTogether: transport.sendTogether && ((rows, start) => transport.sendTogether!(rows, start)),
  };
}

function connectFailed(error: unknown, apiUrl: string): AppError {
  // Only Slack's Web API was called so far: never blame the HTTP listener for it.
  const fix = /invalid_auth|not_authed|account_inactive|token_revoked/.test(describeError(error))
    ? 'check SLACK_BOT_TOKEN'
    : `check that Slack's API is reachable at SLACK_API_URL (${redactUrlCredentials(apiUrl)}) and SLACK_BOT_TOKEN`;
  return startFailed(error, fix);
}

function startFailed(error: unknown, fix: string): AppError {
  return new AppError('slack_start_failed', `Slack desk did not start: ${describeError(error)}`, {
    humanMessage: `The Slack desk could not start (${describeError(error)}); ${fix}.`,
    cause: error,
  });
}
