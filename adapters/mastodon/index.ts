import type { ChannelDefinition } from '../../src/core/live-channel.js';
import { MASTODON } from './map-status.js';
import type { MastodonChannelApp } from './mastodon-channel.js';
import { MASTODON_LIMIT } from './mastodon-limits.js';
import { MASTODON_RULES } from './mastodon-rules.js';
import { buildMastodonConfig, type MastodonConfig, mastodonSettings } from './mastodon-settings.js';

/** Mastodon: on when MASTODON_URL and MASTODON_ACCESS_TOKEN are set (see README, "Mastodon"). */
export const mastodonChannel: ChannelDefinition<MastodonConfig, MastodonChannelApp> = {
  name: MASTODON,
  settings: mastodonSettings,
  configure: (parsed) => buildMastodonConfig(parsed as Parameters<typeof buildMastodonConfig>[0]),
  rules: MASTODON_RULES,
  limit: MASTODON_LIMIT,
  // The brand's account id is read at start (verify_credentials); its own statuses never notify it.
  accountIds: () => [],
  // The adapter and its platform library load only when the channel is configured: start-up time
  // and memory are not spent on networks a deployment does not use. (require, not import(): the
  // sources also run through tsx's CommonJS hook, which import() of a .ts file bypasses.)
  create: async (app, config) =>
    (require('./mastodon-channel.js') as typeof import('./mastodon-channel.js')).buildMastodonChannel(app, config),
};
