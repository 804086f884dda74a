import type { ChannelDefinition } from '../../src/core/live-channel.js';
import { buildDiscordChannel, type DiscordChannelApp } from './discord-channel.js';
import { DISCORD_LIMIT, DISCORD_RULES } from './discord-rules.js';
import { buildDiscordConfig, type DiscordConfig, discordSettings } from './discord-settings.js';
import { DISCORD } from './to-mention.js';

/** Discord: on when DISCORD_BOT_TOKEN is set (see README, "Discord"). */
export const discordChannel: ChannelDefinition<DiscordConfig, DiscordChannelApp> = {
  name: DISCORD,
  settings: discordSettings,
  configure: (parsed) => buildDiscordConfig(parsed as Parameters<typeof buildDiscordConfig>[0]),
  rules: DISCORD_RULES,
  limit: DISCORD_LIMIT,
  accountIds: (config) => (config.botUserId ? [config.botUserId] : []),
  create: async (app, config) => buildDiscordChannel(app, config),
};
