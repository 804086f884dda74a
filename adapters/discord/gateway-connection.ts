import { setTimeout as sleepFor } from 'node:timers/promises';
import { DiscordAPIError, Events, GatewayCloseCodes, type Client } from 'discord.js';
import { AppError, describeError, ErrorCode } from '../../src/core/app-error.js';
import type { Logger } from '../../src/log/create-logger.js';

export interface GatewayConnectionDeps {
  createClient: () => Client;
  token: string;
  logger: Logger;
  /** Wires a new client's message events. */
  attach: (client: Client) => void;
  /** A fresh session began (first login, or Discord could not resume): catch up; resolves when done. */
  onSession: (client: Client) => Promise<void>;
  /** The session resumed: Discord replays what was missed. */
  onResumed: () => void;
  /** The connection dropped: hold live messages until onSession or onResumed. */
  onLost: () => void;
  /** Reconnects discord.js may try on its own (every half second) before the client is replaced after a backoff. */
  quickReconnects?: number;
  /** Delay before the n-th replacement (0-based). */
  backoffMs?: (attempt: number) => number;
  /** How long a login may take to reach a ready session. */
  connectTimeoutMs?: number;
}

/** 2 s, 4 s, 8 s... up to 5 minutes, with up to 20% jitter so many bots do not return at once. */
export function defaultBackoffMs(attempt: number): number {
  const base = Math.min(300_000, 2_000 * 2 ** Math.min(attempt, 10));
  return Math.round(base * (1 + Math.random() * 0.2));
}

/**
 * Keeps the bot connected to the gateway. discord.js resumes or re-identifies on its own after a drop;
 * when that keeps failing (Discord or the network down), the client is replaced after a growing delay
 * instead of retrying twice a second. Refusals that no retry can fix (bad token, Message Content intent
 * not enabled) stop it with a message that says what to change.
 */
export class GatewayConnection {
  private client?: Client;
  private stopped = false;
  private recovering = false;
  private failures = 0;
  private reconnects = 0;
  /** Fails the login in progress, if any. */
  private connecting?: (error: Error) => void;
  private readonly abort = new AbortController();

  constructor(private readonly deps: GatewayConnectionDeps) {}

  /** The current client, once connected. */
  get current(): Client | undefined {
    return this.client;
  }

  /**
   * Connects and resolves once the first session is caught up. A transient failure is logged and
   * retried in the background (start resolves, so the rest of the bot runs); a fatal one rejects.
   */
  async start(): Promise<void> {
    try {
      await this.connect();
    } catch (error) {
      const fatal = fatalReason(error);
      if (fatal) throw new AppError(ErrorCode.ConfigInvalid, fatal, { cause: error });
      void this.recover(describeError(error));
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    const client = this.client;
    this.client = undefined;
    await client?.destroy();
  }

  private async connect(): Promise<void> {
    const client = this.deps.createClient();
    this.client = client;
    this.reconnects = 0;
    let sessionDone!: () => void;
    let giveUp!: (error: Error) => void;
    const session = new Promise<void>((resolve) => (sessionDone = resolve));
    const gaveUp = new Promise<never>((_, reject) => (giveUp = reject));
    this.wire(client, sessionDone, giveUp);
    this.deps.attach(client);
    const login = client.login(this.deps.token);
    login.catch(() => undefined); // awaited below; a late rejection after giving up is expected
    try {
      await withTimeout(Promise.race([Promise.all([login, session]), gaveUp]), this.deps.connectTimeoutMs ?? 60_000, 'the gateway did not become ready in time');
    } catch (error) {
      if (this.client === client) this.client = undefined;
      await client.destroy().catch(() => undefined);
      throw error;
    } finally {
      this.connecting = undefined;
    }
  }

  private wire(client: Client, sessionDone: () => void, giveUp: (error: Error) => void): void {
    this.connecting = giveUp;
    const mine = () => this.client === client && !this.stopped;
    const log = this.deps.logger;
    client.on(Events.ShardReady, () => {
      if (!mine()) return;
      this.failures = 0;
      this.reconnects = 0;
      this.deps.onSession(client).catch((e) => log.error({ error: describeError(e) }, 'Discord session start-up failed')).finally(sessionDone);
    });
    client.on(Events.ShardResume, () => {
      if (!mine()) return;
      this.reconnects = 0;
      this.deps.onResumed();
    });
    client.on(Events.ShardReconnecting, () => {
      if (!mine()) return;
      this.deps.onLost();
      if (++this.reconnects <= (this.deps.quickReconnects ?? 5)) return;
      // Still logging in: that attempt fails (and its caller backs off); connected before: recover.
      if (this.connecting) this.connecting(new Error('the gateway keeps refusing the connection'));
      else void this.recover('reconnecting keeps failing');
    });
    client.on(Events.ShardDisconnect, (event) => {
      if (!mine()) return;
      this.deps.onLost();
      log.error({ code: event.code }, fatalReason(event.code) ?? `Discord closed the gateway for good (code ${event.code}); the bot no longer watches Discord`);
    });
    client.on(Events.ShardError, (error) => log.warn({ error: describeError(error) }, 'Discord gateway error'));
    client.on(Events.Error, (error) => log.warn({ error: describeError(error) }, 'Discord client error'));
  }

  /** Replaces the client after a growing delay until a session is up again (or a fatal refusal). */
  private async recover(reason: string): Promise<void> {
    if (this.recovering || this.stopped) return;
    this.recovering = true;
    try {
      const old = this.client;
      this.client = undefined;
      await old?.destroy().catch(() => undefined);
      while (!this.stopped) {
        const delayMs = (this.deps.backoffMs ?? defaultBackoffMs)(this.failures++);
        this.deps.logger.warn({ delayMs, reason }, 'Discord gateway unreachable; connecting again after a pause');
        try {
          await sleepFor(delayMs, undefined, { signal: this.abort.signal });
        } catch {
          return; // stopped
        }
        try {
          await this.connect();
          this.deps.logger.info('Discord gateway connected again');
          return;
        } catch (error) {
          const fatal = fatalReason(error);
          if (fatal) return void this.deps.logger.error(fatal);
          reason = describeError(error);
        }
      }
    } finally {
      this.recovering = false;
    }
  }
}

const TOKEN_HINT = 'Discord refused the bot token: reset it in the Developer Portal (Bot, Reset Token) and set DISCORD_BOT_TOKEN';
const INTENTS_HINT = 'Discord refused the Message Content intent: switch it on in the Developer Portal (Bot, Privileged Gateway Intents, MESSAGE CONTENT INTENT)';

/** Why no retry can help (with what to change), or undefined for a failure worth retrying. */
function fatalReason(error: unknown): string | undefined {
  if (typeof error === 'number') {
    if (error === GatewayCloseCodes.AuthenticationFailed) return TOKEN_HINT;
    if (error === GatewayCloseCodes.DisallowedIntents || error === GatewayCloseCodes.InvalidIntents) return INTENTS_HINT;
    return undefined;
  }
  if (error instanceof DiscordAPIError && error.status === 401) return TOKEN_HINT;
  const text = `${(error as { code?: unknown })?.code ?? ''} ${error instanceof Error ? error.message : String(error)}`;
  if (/TokenInvalid|Authentication failed/i.test(text)) return TOKEN_HINT;
  if (/disallowed intents|invalid intents/i.test(text)) return INTENTS_HINT;
  return undefined;
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  const timer = new AbortController();
  try {
    return await Promise.race([promise, sleepFor(ms, undefined, { signal: timer.signal }).then(() => Promise.reject(new Error(message)))]);
  } finally {
    timer.abort();
  }
}
