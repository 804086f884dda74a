import {
  Client, GatewayIntentBits, Partials, SimpleShardingStrategy, type ClientOptions, type WebSocketOptions,
} from 'discord.js';

/** @discordjs/ws's manager, as discord.js hands it to `ws.buildStrategy`. */
type ShardManager = Parameters<NonNullable<WebSocketOptions['buildStrategy']>>[0];

/** The gateway intents the bot asks for (the README explains each; Message Content is privileged). */
export const DISCORD_INTENTS = [
  GatewayIntentBits.Guilds, // servers, channels, threads, roles
  GatewayIntentBits.GuildMessages, // messages in server channels and threads
  GatewayIntentBits.MessageContent, // their text (privileged: switch it on in the Developer Portal)
  GatewayIntentBits.DirectMessages, // members' answers in the bot's DMs
];

export interface DiscordClientOptions {
  /** REST base URL without /v10 (discord.js appends it). */
  apiUrl: string;
  /** Gateway URL override; unset, the URL Discord announces in GET /gateway/bot is used. */
  gatewayUrl?: string;
  /** discord.js client options a test may change (identify throttling, guild wait). */
  overrides?: Partial<Pick<ClientOptions, 'ws' | 'waitGuildTimeout'>>;
}

/**
 * A discord.js client for watching: the intents above, DM channels and messages as partials (a DM
 * channel is never cached before its first message; an edit may concern a message not in cache), and
 * a client-wide default that pings nobody.
 */
export function createDiscordClient(options: DiscordClientOptions): Client {
  const { gatewayUrl } = options;
  return new Client({
    intents: DISCORD_INTENTS,
    partials: [Partials.Channel, Partials.Message],
    allowedMentions: { parse: [], repliedUser: false },
    rest: { api: options.apiUrl },
    ...options.overrides,
    ws: {
      ...options.overrides?.ws,
      ...(gatewayUrl ? { buildStrategy: (manager: ShardManager) => pinGateway(manager, gatewayUrl) } : {}),
    },
  });
}

// discord.js takes the gateway URL from GET /gateway/bot and has no option for it: the override wraps
// that one call (shard counts and session limits still come from Discord).
function pinGateway(manager: ShardManager, url: string): SimpleShardingStrategy {
  const fetchInfo = manager.fetchGatewayInformation.bind(manager);
  manager.fetchGatewayInformation = async (force?: boolean) => ({ ...(await fetchInfo(force)), url });
  return new SimpleShardingStrategy(manager);
}
