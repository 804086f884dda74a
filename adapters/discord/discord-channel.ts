import type { LiveChannelFactory } from '../../src/core/live-channel.js';
import { channelRules } from '../../src/core/channel-rules.js';
import { DiscordAdapter } from './discord-adapter.js';
import { DISCORD } from './to-mention.js';

/**
 * Discord for `run`, when DISCORD_BOT_TOKEN is set: the adapter, the bot's user id (its own posts are
 * never mentions), its private-message rules (the bot opens the DM itself; a closed DM switches the
 * public wording), and the handle the "DMs closed" wording names.
 */
export const discordChannel: LiveChannelFactory = async (app) => {
  const config = app.config.discord;
  if (!config) return null;
  const adapter = new DiscordAdapter({ config, db: app.db, logger: app.logger.child({ channel: DISCORD }) });
  return {
    adapter,
    pipeline: {
      accountIds: config.botUserId ? [config.botUserId] : [],
      channelRules: () => channelRules(DISCORD),
      pointerValues: () => ({ handle: adapter.supportHandle() ?? app.config.brand.handles[0] ?? app.config.brand.name }),
    },
  };
};
