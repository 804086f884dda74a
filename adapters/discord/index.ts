import type { ChannelDefinition } from '../../src/core/live-channel.js';
import type { DiscordChannelApp } from './discord-channel.js';
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
  // The adapter and its platform library load only when the channel is configured: start-up time
  // and memory are not spent on networks a deployment does not use. (require, not import(): the
  // sources also run through tsx's CommonJS hook, which import() of a .ts file bypasses.)
  create: async (app, config) =>
    (require('./discord-channel.js') as typeof import('./discord-channel.js')).buildDiscordChannel(app, config),
};
