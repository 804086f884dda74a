import { blueskyChannel } from '../../adapters/bluesky/index.js';
import { discordChannel } from '../../adapters/discord/index.js';
import { mastodonChannel } from '../../adapters/mastodon/index.js';
import { xChannel } from '../../adapters/x/index.js';
import type { ChannelDefinition } from '../core/live-channel.js';
import type { ChannelHost } from './channel-host.js';

/**
 * Every channel the bot knows, one line each. Adding a channel is its folder plus one line here: its
 * settings, rules, limits and start-up come from the folder.
 */
// biome-ignore lint/suspicious/noExplicitAny: each channel has its own settings type; the app only passes them back.
export const channelList: ReadonlyArray<ChannelDefinition<any, ChannelHost>> = [
  xChannel,
  discordChannel,
  blueskyChannel,
  mastodonChannel,
];
