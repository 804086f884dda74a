import { buildBlueskyChannel } from '../../../adapters/bluesky/bluesky-channel';
import { parseBlueskySettings } from '../../../adapters/bluesky/bluesky-settings';
import { caseOutboxHooks } from '../../../src/cases/record-message-outcome';
import type { Mention } from '../../../src/core/mention';
import { createLogger } from '../../../src/log/create-logger';
import { OutboxSender } from '../../../src/outbox/outbox-sender';
import { adapterTransport } from '../../../src/outbox/outbox-transport';
import { recordOnlyTransport } from '../../../src/outbox/record-only-transport';
import { batchHandler } from '../../../src/pipeline/process-stream';
import type { Db } from '../../../src/store/create-db';
import { fakeTime } from '../fake-time';
import { testDeps } from '../pipeline-deps';
import { tempDb } from '../temp-db';
import { type BlueskyServer, startBlueskyServer } from './bluesky-server';
import { FakeBluesky } from './fake-bluesky';

export interface BlueskyHarnessOptions {
  env?: Record<string, string>;
  /** A restart: the same database, network and server. */
  db?: Db;
  fx?: FakeBluesky;
  server?: BlueskyServer;
}

/**
 * The Bluesky channel wired as `run` wires it, against the local lexicon-checked Bluesky: the real
 * @atproto/api client, the real pipeline and outbox on a temporary SQLite database, a fake clock.
 */
export async function blueskyHarness(o: BlueskyHarnessOptions = {}) {
  // Ahead of the wall clock: intents are queued with notBefore = the wall clock, and must be due.
  const time = fakeTime(new Date(Date.now() + 3_600_000), (ms) => ms === 30_000);
  const fx = o.fx ?? new FakeBluesky(time.now);
  const server = o.server ?? (await startBlueskyServer(fx));
  const store = o.db ? { db: o.db, close: async () => undefined } : await tempDb();
  const parsed = parseBlueskySettings({
    BLUESKY_HANDLE: fx.brand.handle,
    BLUESKY_APP_PASSWORD: 'abcd-efgh-ijkl-mnop',
    BLUESKY_SERVICE: server.url,
    ...o.env,
  });
  const config = parsed.value!;
  const logs: string[] = [];
  const logger = createLogger({
    level: 'info',
    secrets: parsed.secrets.filter((s): s is string => Boolean(s)),
    destination: { write: (line: string) => void logs.push(line) },
  });
  const channel = buildBlueskyChannel({ db: store.db, logger }, config, { now: time.now, sleep: time.sleep });
  const pipeline = channel.pipeline!;
  const deps = testDeps(store.db, {
    now: time.now,
    channelRules: () => pipeline.rules!(),
    pointerValues: () => pipeline.pointerValues!(),
  });
  const slack = recordOnlyTransport('slack');
  const sender = new OutboxSender({
    ...caseOutboxHooks,
    db: store.db,
    logger,
    now: time.now,
    transports: { bluesky: adapterTransport(channel.adapter), slack },
  });
  const delivered: Mention[] = [];
  const handler = batchHandler(deps, (outcomes) => void delivered.push(...outcomes.map((x) => x.mention)));
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
    cycle: async () => ({ ...(await adapter.pollOnce(handler)), ...(await sender.drain()) }),
    outbound: () => store.db.outboundMessage.findMany({ orderBy: { id: 'asc' } }),
    close: async () => {
      await adapter.stop();
      if (!o.server) await server.close();
      await store.close();
    },
  };
}

export type BlueskyHarness = Awaited<ReturnType<typeof blueskyHarness>>;
