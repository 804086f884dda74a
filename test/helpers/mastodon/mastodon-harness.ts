import { buildMastodonChannel } from '../../../adapters/mastodon/mastodon-channel';
import { parseMastodonSettings } from '../../../adapters/mastodon/mastodon-settings';
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
import { FakeMastodon } from './fake-mastodon';
import { type MastodonServer, startMastodonServer } from './mastodon-server';

export interface MastodonHarnessOptions {
  env?: Record<string, string>;
  db?: Db;
  fx?: FakeMastodon;
  server?: MastodonServer;
  streaming?: boolean;
}

/**
 * The Mastodon channel wired as `run` wires it, against the local contract-checked Mastodon: the real
 * masto clients (REST and streaming), the real pipeline and outbox on a temporary SQLite database.
 */
export async function mastodonHarness(o: MastodonHarnessOptions = {}) {
  const time = fakeTime(new Date(Date.now() + 3_600_000), (ms) => ms === 60_000);
  const fx = o.fx ?? new FakeMastodon(time.now);
  const server = o.server ?? (await startMastodonServer(fx));
  const store = o.db ? { db: o.db, close: async () => undefined } : await tempDb();
  const parsed = parseMastodonSettings({
    MASTODON_URL: server.url,
    MASTODON_ACCESS_TOKEN: 'mastodon-test-token-1234',
    ...o.env,
  });
  const config = parsed.value!;
  const logs: string[] = [];
  const logger = createLogger({
    level: 'info',
    secrets: parsed.secrets.filter((s): s is string => Boolean(s)),
    destination: { write: (line: string) => void logs.push(line) },
  });
  const channel = buildMastodonChannel({ db: store.db, logger }, config, {
    now: time.now,
    sleep: time.sleep,
    streaming: o.streaming,
  });
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
    transports: { mastodon: adapterTransport(channel.adapter), slack },
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
    start: () => adapter.start(handler),
    outbound: () => store.db.outboundMessage.findMany({ orderBy: { id: 'asc' } }),
    close: async () => {
      await adapter.stop();
      if (!o.server) await server.close();
      await store.close();
    },
  };
}

export type MastodonHarness = Awaited<ReturnType<typeof mastodonHarness>>;

/** Waits for `check` to hold (a live stream delivers in its own time); fails after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
