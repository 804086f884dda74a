import path from 'node:path';
import { loadAppConfig } from '../../../src/app/load-app-config';
import { type AppContext, openApp } from '../../../src/app/open-app';
import { caseOutboxHooks } from '../../../src/cases/record-message-outcome';
import type { Config } from '../../../src/config/load-config';
import type { SendResult } from '../../../src/core/channel-adapter';
import type { Mention } from '../../../src/core/mention';
import type { OutboundRow } from '../../../src/core/outbound';
import { silentLogger } from '../../../src/log/create-logger';
import { type DrainResult, OutboxSender } from '../../../src/outbox/outbox-sender';
import type { OutboxTransport } from '../../../src/outbox/outbox-transport';
import { ingestBatch } from '../../../src/pipeline/ingest-batch';
import type { MentionOutcome } from '../../../src/pipeline/pipeline-deps';
import { type SlackDesk, type StartDeskOptions, startSlackDesk } from '../../../src/slack/start-slack-desk';
import { acknowledgementsPaused } from '../../../src/store/runtime-settings';
import { testDeps } from '../pipeline-deps';
import { tempDir } from '../temp-db';
import {
  FORM,
  formBody,
  interactiveBody,
  JSON_TYPE,
  postSigned,
  type SignedResponse,
  type SignOptions,
} from './signed-request';
import { SlackApiServer } from './slack-api-server';
import type { SlackContract } from './slack-contract';

export const BOT_TOKEN = 'xoxb-1111-2222-testtoken';
export const APP_TOKEN = 'xapp-1-A0MENTIONS-3333-testtoken';
export const SIGNING_SECRET = 'test-signing-secret-8f2a';
export const TEAM_CHANNEL = 'C0SOCIAL01';

/** Stands in for a customer channel (X): records what the outbox sends there. */
export function recordingChannel(name: string): OutboxTransport & { sent: OutboundRow[] } {
  const sent: OutboundRow[] = [];
  return {
    sent,
    async send(row): Promise<SendResult> {
      sent.push(row);
      return {
        externalId: `${name}-${sent.length}`,
        url: `https://${name}.example/lumora/status/${900 + sent.length}`,
      };
    },
    async findSent() {
      return null;
    },
  };
}

/** The real Bolt app (HTTP mode) with the real pipeline and outbox, on a temp database, against the contract-checked fake Slack. */
export interface DeskHarness {
  fake: SlackApiServer;
  app: AppContext;
  config: Config;
  desk: SlackDesk;
  eventsUrl: string;
  customer: ReturnType<typeof recordingChannel>;
  sender: OutboxSender;
  /** Runs mentions through the pipeline (as an adapter would). */
  ingest(mentions: Mention[]): Promise<MentionOutcome[]>;
  /** Drains the outbox until a drain sends nothing. */
  drainAll(): Promise<DrainResult>;
  interact(payload: unknown, options?: SignOptions): Promise<SignedResponse>;
  command(fields: Record<string, string>, options?: SignOptions): Promise<SignedResponse>;
  event(envelope: unknown, options?: SignOptions): Promise<SignedResponse>;
  close(): Promise<void>;
}

export async function startDeskHarness(
  contract: SlackContract,
  env: Record<string, string> = {},
  options: StartDeskOptions = {},
): Promise<DeskHarness> {
  const fake = await SlackApiServer.start(contract, { bot: BOT_TOKEN, app: APP_TOKEN });
  const { dir, cleanup } = tempDir('md-slack-');
  const config = loadAppConfig({
    DATABASE_URL: `file:${path.join(dir, 'desk.db')}`,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_CHANNEL_ID: TEAM_CHANNEL,
    SLACK_API_URL: fake.apiUrl,
    SLACK_HTTP_PORT: '0',
    SLACK_HTTP_HOST: '127.0.0.1',
    SLACK_MIN_POST_INTERVAL_MS: '0',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const logger = silentLogger();
  const app = await openApp(config, logger);
  const desk = (await startSlackDesk(app, options))!;
  const customer = recordingChannel('x');
  const sender = new OutboxSender({
    ...caseOutboxHooks,
    db: app.db,
    transports: { slack: desk.transport, x: customer, discord: customer },
    logger,
  });
  const eventsUrl = `http://127.0.0.1:${desk.port}/slack/events`;
  return {
    fake,
    app,
    config,
    desk,
    eventsUrl,
    customer,
    sender,
    // The pipeline reads the crisis switch the desk writes, as in a real run.
    ingest: (mentions) =>
      ingestBatch(
        testDeps(app.db, { now: () => new Date(), acknowledgementsPaused: () => acknowledgementsPaused(app.db, true) }),
        mentions,
      ),
    async drainAll() {
      const total: DrainResult = { sent: 0, retried: 0, failed: 0, held: 0 };
      for (let i = 0; i < 20; i++) {
        const r = await sender.drain();
        for (const k of Object.keys(total) as Array<keyof DrainResult>) total[k] += r[k];
        if (r.sent === 0) break;
      }
      return total;
    },
    interact: (payload, o) => postSigned(eventsUrl, SIGNING_SECRET, interactiveBody(payload), FORM, o),
    command: (fields, o) => postSigned(eventsUrl, SIGNING_SECRET, formBody(fields), FORM, o),
    event: (envelope, o) => postSigned(eventsUrl, SIGNING_SECRET, JSON.stringify(envelope), JSON_TYPE, o),
    async close() {
      await desk.stop();
      await app.close();
      await fake.close();
      cleanup();
    },
  };
}

/** Polls until `check` returns something truthy (handlers finish after their ack), or fails with `what`. */
export async function waitFor<T>(what: string, check: () => T | Promise<T>, timeoutMs = 5000): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
