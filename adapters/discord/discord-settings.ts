import { credentialGroup } from '../../src/core/settings/credential-group.js';
import {
  idListSetting,
  intSetting,
  listSetting,
  optionalText,
  optionalUrl,
  type ParsedSettings,
  type SettingShape,
  urlSetting,
} from '../../src/core/settings/setting-types.js';

/** Discord settings: the bot's credentials, what it watches, and where it connects. */
export const discordSettings = {
  DISCORD_BOT_TOKEN: optionalText('the bot token (Developer Portal, Bot, Reset Token)'),
  DISCORD_APPLICATION_ID: optionalText(
    "the application id (Developer Portal, General Information); empty: the bot's user id, read from the token",
  ),
  DISCORD_GUILD_IDS: idListSetting('ids of the servers to watch, comma-separated; empty: every server the bot is in'),
  DISCORD_CHANNEL_IDS: idListSetting(
    'ids of the channels to watch (their threads included), ' +
      'comma-separated; empty: every text channel of the watched servers',
  ),
  DISCORD_KEYWORDS: listSetting(
    '',
    'words that make a message worth a look without an @mention of the bot, comma-separated; empty: BRAND_KEYWORDS',
  ),
  DISCORD_CATCH_UP_MAX_AGE_HOURS: intSetting(
    24,
    0,
    336,
    'whole hours: after a restart, messages up to this old are fetched and handled; 0 turns catch-up off',
  ),
  DISCORD_HELLO_TIMEOUT_SECONDS: intSetting(
    15,
    1,
    120,
    'seconds a new gateway connection waits for Discord to say HELLO ' +
      'before it gives up and reconnects (discord.js: 60)',
  ),
  DISCORD_SUPPORT_HANDLE: optionalText(
    "the name members should message when their DMs are closed, without @; empty: the bot's own username",
  ),
  DISCORD_API_URL: urlSetting('https://discord.com/api', 'base URL of the Discord REST API, without /v10'),
  DISCORD_GATEWAY_URL: optionalUrl(
    'gateway URL override, e.g. wss://gateway.discord.gg; empty: the URL Discord announces (GET /gateway/bot)',
  ),
} satisfies SettingShape;

type DiscordParsed = ParsedSettings<typeof discordSettings> & { BRAND_KEYWORDS: string[] };

/** Discord configuration, as the adapter sees it. */
export interface DiscordConfig {
  botToken: string;
  /** For the invite URL; defaults to the bot's user id (the same for every application made since 2020). */
  applicationId?: string;
  /** The bot's user id as the token carries it (its own posts are ignored); undefined if the token does not say. */
  botUserId?: string;
  /** Empty: every server the bot is in. */
  guildIds: string[];
  /** Empty: every text channel of the watched servers. Threads follow their parent channel. */
  channelIds: string[];
  keywords: string[];
  catchUpMaxAgeHours: number;
  /** How long a new gateway connection waits for HELLO (a connection opened into a network stall gets none). */
  helloTimeoutMs: number;
  supportHandle?: string;
  apiUrl: string;
  gatewayUrl?: string;
}

/**
 * The user id inside a bot token: its first dot-separated part is the id in base64. Undefined when the
 * token does not have that shape (the adapter learns the id at login instead).
 */
export function botUserIdFromToken(token: string): string | undefined {
  const first = token.replace(/^Bot\s+/i, '').split('.')[0] ?? '';
  const decoded = Buffer.from(first, 'base64').toString('utf8');
  return /^\d{15,21}$/.test(decoded) ? decoded : undefined;
}

export function buildDiscordConfig(p: DiscordParsed) {
  const group = credentialGroup('Discord', { DISCORD_BOT_TOKEN: p.DISCORD_BOT_TOKEN });
  const token = p.DISCORD_BOT_TOKEN;
  const botUserId = token ? botUserIdFromToken(token) : undefined;
  const discord: DiscordConfig | null = group.enabled
    ? {
        botToken: token!,
        applicationId: p.DISCORD_APPLICATION_ID ?? botUserId,
        botUserId,
        guildIds: p.DISCORD_GUILD_IDS,
        channelIds: p.DISCORD_CHANNEL_IDS,
        keywords: p.DISCORD_KEYWORDS.length ? p.DISCORD_KEYWORDS : p.BRAND_KEYWORDS,
        catchUpMaxAgeHours: p.DISCORD_CATCH_UP_MAX_AGE_HOURS,
        helloTimeoutMs: p.DISCORD_HELLO_TIMEOUT_SECONDS * 1000,
        supportHandle: p.DISCORD_SUPPORT_HANDLE?.replace(/^@/, ''),
        apiUrl: p.DISCORD_API_URL,
        gatewayUrl: p.DISCORD_GATEWAY_URL,
      }
    : null;
  // Every secret value, so the logger can scrub them wherever they appear.
  const secrets = [p.DISCORD_BOT_TOKEN];
  return { value: discord, problem: group.problem, secrets };
}
