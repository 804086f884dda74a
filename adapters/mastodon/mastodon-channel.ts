import type { LiveChannel } from '../../src/app/live-channels.js';
import type { Logger } from '../../src/log/create-logger.js';
import type { Db } from '../../src/store/create-db.js';
import { MastodonAdapter, type MastodonAdapterOptions } from './mastodon-adapter.js';
import { DEFAULT_MAX_CHARACTERS, DEFAULT_URL_LENGTH, mastodonLimit } from './mastodon-limits.js';
import { MASTODON_RULES } from './mastodon-rules.js';
import type { MastodonConfig } from './mastodon-settings.js';

/** What the Mastodon channel needs from the running app (tests pass their own). */
export interface MastodonChannelApp {
  config: { mastodon: MastodonConfig };
  db: Db;
  logger: Logger;
}

/**
 * The Mastodon channel: its adapter, its private-message rules (a direct status to the customer), the
 * brand's full handle for the "write to us" wording, and its length limit, which follows the
 * instance's max_characters once the adapter has read it.
 */
export function buildMastodonChannel(
  app: MastodonChannelApp, extra: Pick<MastodonAdapterOptions, 'now' | 'sleep' | 'streaming'> = {},
) {
  const config = app.config.mastodon;
  const adapter = new MastodonAdapter({ config, db: app.db, logger: app.logger.child({ channel: 'mastodon' }), ...extra });
  const host = new URL(config.url).host;
  const channel: LiveChannel & { adapter: MastodonAdapter } = {
    adapter,
    pipeline: {
      accountIds: [],
      channelRules: () => MASTODON_RULES,
      pointerValues: () => {
        const facts = adapter.instance;
        return { handle: facts ? `${facts.me.username}@${facts.domain}` : host };
      },
    },
  };
  const limit = mastodonLimit(() => ({
    maxCharacters: adapter.instance?.maxCharacters ?? DEFAULT_MAX_CHARACTERS, urlLength: adapter.instance?.urlLength ?? DEFAULT_URL_LENGTH,
  }));
  return { ...channel, limit };
}
