import { DiscordAdapter, type DiscordAdapterDeps } from '../../../adapters/discord/discord-adapter';
import type { DiscordConfig } from '../../../adapters/discord/discord-settings';
import { caseOutboxHooks } from '../../../src/cases/record-message-outcome';
import type { Mention } from '../../../src/core/mention';
import { silentLogger } from '../../../src/log/create-logger';
import { OutboxSender } from '../../../src/outbox/outbox-sender';
import { adapterTransport } from '../../../src/outbox/outbox-transport';
import { recordOnlyTransport } from '../../../src/outbox/record-only-transport';
import type { MentionOutcome } from '../../../src/pipeline/pipeline-deps';
import { batchHandler } from '../../../src/pipeline/process-stream';
import type { Db } from '../../../src/store/create-db';
import { testDeps } from '../pipeline-deps';
import { tempDb } from '../temp-db';
import { BOT, BOT_TOKEN, GUILD_ID, SUPPORT } from './discord-fixtures';
import { FakeDiscord } from './fake-discord';

/** Polls `check` every 10 ms until it holds (no fixed sleeps); fails with `what` after `ms`. */
export async function waitFor<T>(check: () => T | Promise<T>, what: string, ms = 5_000): Promise<NonNullable<T>> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * The real DiscordAdapter (real discord.js) against FakeDiscord, feeding the real pipeline on a temp
 * database, with the real outbox sending through the adapter. `restart` replaces the adapter (same
 * database and Discord), as a process restart does.
 */
export class DiscordHarness {
  adapter!: DiscordAdapter;
  sender!: OutboxSender;
  /** Every mention the adapter handed over, in order, and what the pipeline made of each. */
  readonly handed: Mention[] = [];
  readonly outcomes: MentionOutcome[] = [];
  readonly slack = recordOnlyTransport('test-slack');
  /** Called with each batch before the pipeline sees it; a throw stands for the process dying there. */
  beforeBatch?: (batch: Mention[]) => void;

  private constructor(
    readonly discord: FakeDiscord,
    readonly db: Db,
    readonly config: DiscordConfig,
    private readonly closeDb: () => Promise<void>,
    private readonly extra: Partial<DiscordAdapterDeps>,
  ) {}

  static async start(
    config: Partial<DiscordConfig> = {},
    extra: Partial<DiscordAdapterDeps> = {},
  ): Promise<DiscordHarness> {
    const discord = await FakeDiscord.start();
    const { db, close } = await tempDb();
    const full: DiscordConfig = {
      botToken: BOT_TOKEN,
      botUserId: BOT.id,
      applicationId: BOT.id,
      guildIds: [GUILD_ID],
      channelIds: [SUPPORT],
      keywords: ['lumora'],
      catchUpMaxAgeHours: 24,
      helloTimeoutMs: 15_000,
      supportHandle: 'LumoraCare',
      apiUrl: discord.rest.url,
      ...config,
    };
    const harness = new DiscordHarness(discord, db, full, close, extra);
    await harness.connect();
    return harness;
  }

  /** Sends whatever the outbox holds that is due, once; `at` pretends the clock says so (no waiting for retries). */
  drain(at?: Date) {
    if (!at) return this.sender.drain();
    return new OutboxSender({
      ...caseOutboxHooks,
      db: this.db,
      logger: silentLogger(),
      transports: this.transports(),
      now: () => at,
    }).drain();
  }

  /** Stops the adapter and starts a new one, as a process restart does (with other test hooks if given). */
  async restart(extra: Partial<DiscordAdapterDeps> = {}): Promise<void> {
    await this.adapter.stop();
    Object.assign(this.extra, extra);
    await this.connect();
  }

  async close(): Promise<void> {
    await this.adapter.stop();
    await this.discord.stop();
    await this.closeDb();
  }

  private transports() {
    return { discord: adapterTransport(this.adapter), slack: this.slack };
  }

  private async connect(): Promise<void> {
    this.adapter = new DiscordAdapter({
      config: this.config,
      db: this.db,
      logger: silentLogger(),
      // discord.js waits 5 s between two identifies; the fake gateway has no such limit.
      clientOverrides: { ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => undefined }) } },
      ...this.extra,
    });
    const deps = testDeps(this.db, {
      now: () => new Date(),
      brand: { name: 'Lumora', handles: ['lumora'], accountIds: [BOT.id] },
      pointerValues: () => ({ handle: this.adapter.supportHandle() ?? 'lumora' }),
    });
    this.sender = new OutboxSender({
      ...caseOutboxHooks,
      db: this.db,
      logger: silentLogger(),
      transports: this.transports(),
    });
    const handler = batchHandler(deps, (outcomes) => void this.outcomes.push(...outcomes));
    await this.adapter.start(async (batch) => {
      this.beforeBatch?.(batch);
      this.handed.push(...batch);
      await handler(batch);
    });
  }
}
