import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type App, webApi } from '@slack/bolt';
import type { AdvocateRules } from '../advocacy/advocate-rules.js';
import type { Config } from '../config/load-config.js';
import { AppError, describeError } from '../core/app-error.js';
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
import { registerHandlers } from './register-handlers.js';

/** The running Slack desk: the outbox transport for the `slack` channel, and the Bolt app serving clicks. */
export interface SlackDesk {
  transport: OutboxTransport;
  app: App;
  mode: 'socket' | 'http';
  /** The HTTP port actually bound (HTTP mode). */
  port?: number;
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
  let started: unknown;
  try {
    await bolt.init(); // auth.test: a wrong bot token, or a Slack out of reach, stops start-up here
  } catch (error) {
    // Only Slack's Web API was called so far: never blame the HTTP listener for it.
    const fix = /invalid_auth|not_authed|account_inactive|token_revoked/.test(describeError(error))
      ? 'check SLACK_BOT_TOKEN'
      : `check that Slack's API is reachable at SLACK_API_URL (` +
        `${redactUrlCredentials(config.apiUrl)}) and SLACK_BOT_TOKEN`;
    throw startFailed(error, fix);
  }
  try {
    started =
      mode === 'socket' ? await bolt.start() : await bolt.start({ port: config.httpPort, host: config.httpHost });
  } catch (error) {
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
  return {
    transport,
    app: bolt,
    mode,
    port,
    stop: async () => {
      await bolt.stop();
      app.logger.info('Slack desk stopped');
    },
  };
}

function startFailed(error: unknown, fix: string): AppError {
  return new AppError('slack_start_failed', `Slack desk did not start: ${describeError(error)}`, {
    humanMessage: `The Slack desk could not start (${describeError(error)}); ${fix}.`,
    cause: error,
  });
}
