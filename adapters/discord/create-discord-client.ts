import { Client, type ClientOptions, GatewayIntentBits, Partials, type WebSocketOptions } from 'discord.js';
import { outageRetryMs } from './outage-retry-ms.js';
import { PacedShardingStrategy, type ReconnectPacing } from './paced-sharding-strategy.js';

/** The gateway intents the bot asks for (the README explains each; Message Content is privileged). */
export const DISCORD_INTENTS = [
  GatewayIntentBits.Guilds, // servers, channels, threads, roles
  GatewayIntentBits.GuildMessages, // messages in server channels and threads
  GatewayIntentBits.MessageContent, // their text (privileged: switch it on in the Developer Portal)
  GatewayIntentBits.DirectMessages, // members' answers in the bot's DMs
];

/** @discordjs/ws's manager, as discord.js hands it to `ws.buildStrategy`. */
type ShardManager = Parameters<NonNullable<WebSocketOptions['buildStrategy']>>[0];

export interface DiscordClientOptions {
  /** REST base URL without /v10 (discord.js appends it). */
  apiUrl: string;
  /** Gateway URL override; unset, the URL Discord announces in GET /gateway/bot is used. */
  gatewayUrl?: string;
  /** How reconnect attempts are spaced (default: two quick ones, then outageRetryMs). */
  pacing?: Partial<ReconnectPacing>;
  /** discord.js client options a test may change (identify throttling, guild wait). */
  overrides?: Partial<Pick<ClientOptions, 'ws' | 'waitGuildTimeout'>>;
}

/**
 * A discord.js client for watching: the intents above, DM channels and messages as partials (a DM
 * channel is never cached before its first message; an edit may concern a message not in cache), a
 * client-wide default that pings nobody, and reconnects paced by PacedShardingStrategy.
 */
export function createDiscordClient(options: DiscordClientOptions): Client {
  const pacing: ReconnectPacing = { quickAttempts: 2, backoffMs: outageRetryMs, ...options.pacing };
  return new Client({
    intents: DISCORD_INTENTS,
    partials: [Partials.Channel, Partials.Message],
    allowedMentions: { parse: [], repliedUser: false },
    rest: { api: options.apiUrl },
    ...options.overrides,
    ws: {
      ...options.overrides?.ws,
      buildStrategy: (manager: ShardManager) => new PacedShardingStrategy(manager, pacing, options.gatewayUrl),
    },
  });
}
