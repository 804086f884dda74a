import { optionalText, urlSetting, SettingShape, ParsedSettings } from './setting-types.js';
import { credentialGroup } from './credential-group.js';

/** Discord settings. The adapter adds the watched servers, channels and keywords. */
export const discordSettings = {
  DISCORD_BOT_TOKEN: optionalText('the bot token (Developer Portal, Bot, Reset Token)'),
  DISCORD_API_URL: urlSetting('https://discord.com/api', 'base URL of the Discord REST API, without /v10'),
  DISCORD_GATEWAY_URL: urlSetting('wss://gateway.discord.gg', 'Discord gateway URL, e.g. wss://gateway.discord.gg'),
} satisfies SettingShape;

type DiscordParsed = ParsedSettings<typeof discordSettings>;

export interface DiscordConfig {
  botToken: string;
  apiUrl: string;
  gatewayUrl: string;
}

export function buildDiscordConfig(p: DiscordParsed) {
  const group = credentialGroup('Discord', { DISCORD_BOT_TOKEN: p.DISCORD_BOT_TOKEN });
  const discord: DiscordConfig | null = group.enabled
    ? { botToken: p.DISCORD_BOT_TOKEN!, apiUrl: p.DISCORD_API_URL, gatewayUrl: p.DISCORD_GATEWAY_URL }
    : null;
  // Every secret value, so the logger can scrub them wherever they appear.
  const secrets = [p.DISCORD_BOT_TOKEN];
  return { value: discord, problem: group.problem, secrets };
}
