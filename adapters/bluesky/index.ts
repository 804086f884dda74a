import type { ChannelDefinition } from '../../src/core/live-channel.js';
import type { BlueskyChannelApp } from './bluesky-channel.js';
import { BLUESKY_LIMIT } from './bluesky-limits.js';
import { BLUESKY_RULES } from './bluesky-rules.js';
import { type BlueskyConfig, blueskySettings, buildBlueskyConfig } from './bluesky-settings.js';
import { BLUESKY } from './map-post.js';

/** Bluesky: on when BLUESKY_HANDLE and BLUESKY_APP_PASSWORD are set (see README, "Bluesky"). */
export const blueskyChannel: ChannelDefinition<BlueskyConfig, BlueskyChannelApp> = {
  name: BLUESKY,
  settings: blueskySettings,
  configure: (parsed) => buildBlueskyConfig(parsed as Parameters<typeof buildBlueskyConfig>[0]),
  rules: BLUESKY_RULES,
  limit: BLUESKY_LIMIT,
  // The brand's DID is learnt at login; the polls skip its own posts and messages.
  accountIds: () => [],
  // The adapter and its platform library load only when the channel is configured: start-up time
  // and memory are not spent on networks a deployment does not use. (require, not import(): the
  // sources also run through tsx's CommonJS hook, which import() of a .ts file bypasses.)
  create: async (app, config) =>
    (require('./bluesky-channel.js') as typeof import('./bluesky-channel.js')).buildBlueskyChannel(app, config),
};
