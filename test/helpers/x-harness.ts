import { buildXChannel } from '../../adapters/x/x-channel';
import type { XConfig } from '../../adapters/x/x-settings';
import { loadAppConfig } from '../../src/app/load-app-config';
import { caseOutboxHooks } from '../../src/cases/record-message-outcome';
import type { Mention } from '../../src/core/mention';
import { createLogger } from '../../src/log/create-logger';
import { OutboxSender } from '../../src/outbox/outbox-sender';
import { adapterTransport } from '../../src/outbox/outbox-transport';
import { recordOnlyTransport } from '../../src/outbox/record-only-transport';
import { batchHandler } from '../../src/pipeline/process-stream';
import { recomposeAcknowledgement } from '../../src/pipeline/recompose-acknowledgement';
import type { Db } from '../../src/store/create-db';
import { fakeTime } from './fake-time';
import { FakeX } from './fake-x';
import { testDeps } from './pipeline-deps';
import { tempDb } from './temp-db';
import { startXContractServer, type XContractServer } from './x-contract-server';
import { xEnv } from './x-fixtures';

export interface XHarnessOptions {
  /** Extra settings (X_DM_LINK, X_DAILY_BUDGET_USD...). */
  env?: Record<string, string>;
  /** Another run on the same database (a restart): share it instead of creating one. */
  db?: Db;
  fx?: FakeX;
  server?: XContractServer;
  /** Credentials the client uses (default: the ones the fake accepts). */
  keys?: Partial<Record<'X_API_KEY' | 'X_API_SECRET' | 'X_ACCESS_TOKEN' | 'X_ACCESS_SECRET', string>>;
}

/**
 * The X channel wired as `run` wires it, against a local contract-checked X: the real twitter-api-v2
 * client, the real pipeline and outbox on a temporary SQLite database, a fake clock.
 */
export async function xHarness(o: XHarnessOptions = {}) {
  // Ahead of the wall clock: intents are queued with notBefore = the wall clock, and must be due.
  const time = fakeTime(new Date(Date.now() + 3_600_000), (ms) => ms === 60_000);
  const fx = o.fx ?? new FakeX(time.now);
  const server = o.server ?? (await startXContractServer(fx));
  const store = o.db ? { db: o.db, close: async () => undefined } : await tempDb();
  const config = loadAppConfig({ ...xEnv(server.url, o.env), ...o.keys });
  // Log lines are kept (with secrets scrubbed, as in production) so tests can read what an operator sees.
  const logs: string[] = [];
  const logger = createLogger({
    level: 'info',
    secrets: config.secrets,
    destination: { write: (line: string) => void logs.push(line) },
  });
  const x = config.channels.x as XConfig;
  const channel = buildXChannel({ brand: config.brand, db: store.db, logger }, x, { now: time.now, sleep: time.sleep });
  const { pipeline } = channel;
  const deps = testDeps(store.db, {
    now: time.now,
    channelRules: () => pipeline!.rules!(),
    pointerValues: () => pipeline!.pointerValues!(),
    budgetReached: () => pipeline!.budgetReached!(),
  });
  const slack = recordOnlyTransport('slack');
  const sender = new OutboxSender({
    ...caseOutboxHooks,
    db: store.db,
    logger,
    now: time.now,
    transports: { x: adapterTransport(channel.adapter), slack },
    guard: channel.outboxGuard,
    recompose: recomposeAcknowledgement(deps),
  });
  const delivered: Mention[] = [];
  const handler = batchHandler(deps, (outcomes) => void delivered.push(...outcomes.map((o) => o.mention)));
  const adapter = channel.adapter;
  return {
    time,
    fx,
    server,
    db: store.db,
    config,
    channel,
    adapter,
    deps,
    sender,
    slack,
    delivered,
    handler,
    logs,
    poll: () => adapter.pollOnce(handler),
    /** One poll, then one outbox drain: what `run` does every interval. */
    cycle: async () => ({ ...(await adapter.pollOnce(handler)), ...(await sender.drain()) }),
    outbound: () => store.db.outboundMessage.findMany({ orderBy: { id: 'asc' } }),
    posted: () => server.requests.filter((r) => r.operationId === 'createPosts'),
    /** Stops the adapter; closes the server and the database unless they were passed in. */
    close: async () => {
      await adapter.stop();
      if (!o.server) await server.close();
      await store.close();
    },
  };
}

export type XHarness = Awaited<ReturnType<typeof xHarness>>;
