import { setTimeout as sleepFor } from 'node:timers/promises';
import { type Client, DiscordAPIError, Events, GatewayCloseCodes } from 'discord.js';
import { AppError, describeError, ErrorCode } from '../../src/core/app-error.js';
import type { Logger } from '../../src/log/create-logger.js';
import { outageRetryMs } from './outage-retry-ms.js';

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
  /** Pause before the n-th new login after a refused one (Discord's REST API unreachable at start-up). */
  backoffMs?: (n: number) => number;
  /** How long start() waits for the first session before letting the bot run on while it keeps trying. */
  connectTimeoutMs?: number;
}

/**
 * Logs the bot in and keeps it logged in. Within a login, discord.js resumes or re-identifies after a
 * drop, at the pace PacedShardingStrategy sets; a login Discord refuses (its REST API unreachable) is
 * tried again with a new client after a growing pause. Refusals no retry can fix (a bad token, the
 * Message Content intent not switched on) stop it with a message that says what to change.
 */
export class GatewayConnection {
  private client?: Client;
  private stopped = false;
  private readonly abort = new AbortController();

  constructor(private readonly deps: GatewayConnectionDeps) {}

  /**
   * Resolves once the first session is caught up, or, when the gateway cannot be reached yet, after
   * `connectTimeoutMs` (discord.js goes on trying; the catch-up runs when it gets through). Rejects on
   * a refusal no retry can fix.
   */
  async start(): Promise<void> {
    let returned = false;
    const first = this.login().catch((error) => {
      if (!returned) throw error;
      this.deps.logger.error(describeError(error)); // start() has returned: only the log can tell
    });
    const waited = await Promise.race([
      first.then(() => 'ready' as const),
      sleepFor(this.deps.connectTimeoutMs ?? 30_000, 'waiting' as const, { signal: this.abort.signal }).catch(
        () => 'stopped' as const,
      ),
    ]);
    returned = true;
    if (waited === 'waiting')
      this.deps.logger.warn('Discord gateway not reachable yet; the bot runs on and keeps trying');
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    const client = this.client;
    this.client = undefined;
    await client?.destroy();
  }

  /** Logs in (again, after a growing pause, while Discord refuses for a reason that may pass). */
  private async login(): Promise<void> {
    for (let n = 0; !this.stopped; n++) {
      const client = this.deps.createClient();
      this.client = client;
      const session = this.wire(client);
      this.deps.attach(client);
      try {
        await client.login(this.deps.token);
        await session;
        return;
      } catch (error) {
        if (this.client === client) this.client = undefined;
        const fatal = fatalReason(error);
        if (fatal) throw new AppError(ErrorCode.ConfigInvalid, fatal, { cause: error });
        const delayMs = (this.deps.backoffMs ?? outageRetryMs)(n);
        this.deps.logger.warn(
          { delayMs, error: describeError(error) },
          'Discord login failed; trying again after a pause',
        );
        await sleepFor(delayMs, undefined, { signal: this.abort.signal }).catch(() => undefined);
      }
    }
  }

  /** Wires the connection events of `client`; resolves when its first session is caught up. */
  private wire(client: Client): Promise<void> {
    const mine = () => this.client === client && !this.stopped;
    const log = this.deps.logger;
    let sessionDone!: () => void;
    const session = new Promise<void>((resolve) => (sessionDone = resolve));
    client.on(Events.ShardReady, () => {
      if (!mine()) return;
      this.deps
        .onSession(client)
        .catch((e) => log.error({ error: describeError(e) }, 'Discord session start-up failed'))
        .finally(sessionDone);
    });
    client.on(Events.ShardResume, () => mine() && this.deps.onResumed());
    client.on(Events.ShardReconnecting, () => mine() && this.deps.onLost());
    client.on(Events.ShardDisconnect, (event) => {
      if (!mine()) return;
      this.deps.onLost();
      log.error(
        { code: event.code },
        fatalReason(event.code) ??
          `Discord closed the gateway for good (code ${event.code}); the bot no longer watches Discord`,
      );
    });
    client.on(Events.ShardError, (error) => log.warn({ error: describeError(error) }, 'Discord gateway error'));
    client.on(Events.Error, (error) => log.warn({ error: describeError(error) }, 'Discord client error'));
    return session;
  }
}

const TOKEN_HINT =
  'Discord refused the bot token: reset it in the Developer Portal (Bot, Reset Token) and set DISCORD_BOT_TOKEN';
const INTENTS_HINT =
  'Discord refused the Message Content intent: switch it on in the ' +
  'Developer Portal (Bot, Privileged Gateway Intents, MESSAGE CONTENT INTENT)';

/** Why no retry can help (with what to change), or undefined for a failure worth retrying. */
function fatalReason(error: unknown): string | undefined {
  if (typeof error === 'number') {
    if (error === GatewayCloseCodes.AuthenticationFailed) return TOKEN_HINT;
    if (error === GatewayCloseCodes.DisallowedIntents || error === GatewayCloseCodes.InvalidIntents)
      return INTENTS_HINT;
    return undefined;
  }
  if (error instanceof DiscordAPIError && error.status === 401) return TOKEN_HINT;
  const text = `${(error as { code?: unknown })?.code ?? ''} ${error instanceof Error ? error.message : String(error)}`;
  if (/TokenInvalid|Authentication failed/i.test(text)) return TOKEN_HINT;
  if (/disallowed intents|invalid intents/i.test(text)) return INTENTS_HINT;
  return undefined;
}
