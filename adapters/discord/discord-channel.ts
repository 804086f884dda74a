import type { LiveChannel } from '../../src/core/live-channel.js';
import type { Logger } from '../../src/log/create-logger.js';
import type { Db } from '../../src/store/create-db.js';
import { DiscordAdapter } from './discord-adapter.js';
import type { DiscordConfig } from './discord-settings.js';
import { DISCORD } from './to-mention.js';

/** What the Discord channel needs from the running app. */
export interface DiscordChannelApp {
  brand: { name: string; handles: string[] };
  db: Db;
  logger: Logger;
}

/**
 * Discord for `run`, when DISCORD_BOT_TOKEN is set: the adapter, the bot's user id (its own posts are
 * never mentions), and the handle the "DMs closed" wording names.
 */
export function buildDiscordChannel(app: DiscordChannelApp, config: DiscordConfig): LiveChannel {
  const adapter = new DiscordAdapter({ config, db: app.db, logger: app.logger.child({ channel: DISCORD }) });
  return {
    adapter,
    pipeline: {
      accountIds: config.botUserId ? [config.botUserId] : [],
      pointerValues: () => ({ handle: adapter.supportHandle() ?? app.brand.handles[0] ?? app.brand.name }),
    },
  };
}
