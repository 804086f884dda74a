import { setTimeout as sleepFor } from 'node:timers/promises';
import {
  type FetchingStrategyOptions,
  type IContextFetchingStrategy,
  type IShardingStrategy,
  managerToFetchingStrategyOptions,
  type SessionInfo,
  SimpleContextFetchingStrategy,
  type WebSocketManager,
  WebSocketShard,
  type WebSocketShardDestroyOptions,
  WebSocketShardEvents,
  WebSocketShardStatus,
} from '@discordjs/ws';
import { Collection, type GatewaySendPayload } from 'discord.js';

/** How reconnect attempts are spaced out. */
export interface ReconnectPacing {
  /**
   * Attempts after the first one since the last session that still go at discord.js's own pace (half a second apart).
   */
  quickAttempts: number;
  /** Pause before the n-th attempt after those (0-based). */
  backoffMs: (n: number) => number;
  /** Told about each pause (for the log). */
  onPause?: (ms: number, attempt: number) => void;
  /**
   * How long a new connection waits for Discord's HELLO before it is closed and tried again
   * (@discordjs/ws waits 60 s: a connection opened into a network stall leaves Discord unwatched that long).
   */
  helloTimeoutMs?: number;
  /** Told when a connection got no HELLO in time (for the log: the reason of the reconnect). */
  onNoHello?: (ms: number) => void;
}

/**
 * @discordjs/ws's simple sharding strategy (one process, shards side by side) with two changes:
 * - a shard that keeps failing to connect pauses for a growing delay before each new attempt, instead
 *   of retrying every half second for as long as Discord or the network is down;
 * - once destroyed, a shard never connects again (a plain destroy that lands while a shard waits to
 *   reconnect is ignored by @discordjs/ws, and the shard would come back on its own);
 * and, when given, connects to `gatewayUrl` instead of the URL Discord announces.
 */
export class PacedShardingStrategy implements IShardingStrategy {
  private readonly shards = new Collection<number, WebSocketShard>();
  private contexts: PacedContext[] = [];

  constructor(
    private readonly manager: WebSocketManager,
    private readonly pacing: ReconnectPacing,
    private readonly gatewayUrl?: string,
  ) {}

  async spawn(shardIds: number[]): Promise<void> {
    const fetched = await managerToFetchingStrategyOptions(this.manager);
    const options = this.pacing.helloTimeoutMs ? { ...fetched, helloTimeout: this.pacing.helloTimeoutMs } : fetched;
    const pinned = this.gatewayUrl
      ? { ...options, gatewayInformation: { ...options.gatewayInformation, url: this.gatewayUrl } }
      : options;
    for (const shardId of shardIds) {
      const context = new PacedContext(new SimpleContextFetchingStrategy(this.manager, pinned), this.pacing);
      const shard = new WebSocketShard(context, shardId);
      context.shard = shard;
      this.contexts.push(context);
      shard.on(WebSocketShardEvents.Ready, () => context.connected());
      shard.on(WebSocketShardEvents.Resumed, () => context.connected());
      shard.on(WebSocketShardEvents.Hello, () => context.helloWatch.stop());
      shard.on(WebSocketShardEvents.Closed, () => context.helloWatch.stop());
      for (const event of Object.values(WebSocketShardEvents)) {
        shard.on(event, (payload: object) =>
          (this.manager.emit as (e: string, p: object) => void)(event, { ...payload, shardId }),
        );
      }
      this.shards.set(shardId, shard);
    }
  }

  async connect(): Promise<void> {
    await Promise.all(this.shards.map((shard) => shard.connect()));
  }

  async destroy(options?: Omit<WebSocketShardDestroyOptions, 'recover'>): Promise<void> {
    for (const context of this.contexts) context.kill();
    this.contexts = [];
    await Promise.all(this.shards.map((shard) => shard.destroy(options)));
    this.shards.clear();
  }

  async send(shardId: number, payload: GatewaySendPayload): Promise<void> {
    const shard = this.shards.get(shardId);
    if (!shard) throw new RangeError(`Shard ${shardId} not found`);
    return shard.send(payload);
  }

  // discord.js bundles an older @discordjs/collection than @discordjs/ws declares; the result is a
  // Collection all the same (nothing in discord.js calls this; it is there for the interface).
  fetchStatus(): ReturnType<IShardingStrategy['fetchStatus']> {
    return this.shards.mapValues((shard) => shard.status) as unknown as ReturnType<IShardingStrategy['fetchStatus']>;
  }
}

/**
 * A shard's view of the manager. A shard asks for its session at the start of every connection
 * attempt, while still idle: that is where the pause goes (heartbeats and events, which also ask, come
 * only once connected, and never wait).
 */
class PacedContext implements IContextFetchingStrategy {
  shard?: WebSocketShard;
  /** Tells why a connection is given up when it gets no HELLO (@discordjs/ws closes it and reconnects). */
  readonly helloWatch: HelloWatch;
  private attempts = 0;
  private killed = false;
  private readonly abort = new AbortController();

  constructor(
    private readonly inner: SimpleContextFetchingStrategy,
    private readonly pacing: ReconnectPacing,
  ) {
    this.helloWatch = new HelloWatch(pacing.helloTimeoutMs ?? inner.options.helloTimeout ?? 0, pacing.onNoHello);
  }

  get options(): FetchingStrategyOptions {
    return this.inner.options;
  }

  async retrieveSessionInfo(shardId: number): Promise<SessionInfo | null> {
    if (this.shard?.status === WebSocketShardStatus.Idle) {
      await this.beforeAttempt();
      this.helloWatch.start(); // the connection opens right after this answer
    }
    return this.inner.retrieveSessionInfo(shardId);
  }

  updateSessionInfo(shardId: number, sessionInfo: SessionInfo | null) {
    return this.inner.updateSessionInfo(shardId, sessionInfo);
  }

  waitForIdentify(shardId: number, signal: AbortSignal): Promise<void> {
    return this.inner.waitForIdentify(shardId, signal);
  }

  connected(): void {
    this.attempts = 0;
  }

  kill(): void {
    this.killed = true;
    this.abort.abort();
    this.helloWatch.stop();
  }

  private async beforeAttempt(): Promise<void> {
    // The first attempt after a session (or at start) goes at once, then quickAttempts more; then pauses.
    const late = ++this.attempts - 2 - this.pacing.quickAttempts;
    if (!this.killed && late >= 0) {
      const ms = this.pacing.backoffMs(late);
      this.pacing.onPause?.(ms, this.attempts);
      await sleepFor(ms, undefined, { signal: this.abort.signal }).catch(() => undefined);
    }
    // A destroyed shard's attempt never starts: this promise stays pending and holds no timer.
    if (this.killed) await new Promise<never>(() => undefined);
  }
}

/**
 * Times one connection attempt's wait for HELLO, alongside @discordjs/ws's own timeout (the same
 * length), which closes the connection and reconnects without saying why; this says why.
 */
class HelloWatch {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly ms: number,
    private readonly onNoHello?: (ms: number) => void,
  ) {}

  start(): void {
    this.stop();
    if (!this.onNoHello || !this.ms) return;
    this.timer = setTimeout(() => this.onNoHello?.(this.ms), this.ms);
    this.timer.unref();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
