import type { LiveChannel } from '../../src/core/live-channel.js';
import type { Logger } from '../../src/log/create-logger.js';
import type { Db } from '../../src/store/create-db.js';
import { MastodonAdapter, type MastodonAdapterOptions } from './mastodon-adapter.js';
import { MASTODON_RULES } from './mastodon-rules.js';
import type { MastodonConfig } from './mastodon-settings.js';

/** What the Mastodon channel needs from the running app (tests pass their own). */
export interface MastodonChannelApp {
  db: Db;
  logger: Logger;
}

/**
 * The Mastodon channel: its adapter, its private-message rules (a direct status to the customer) and
 * the brand's full handle (username@instance) for the "write to us" wording.
 */
export function buildMastodonChannel(
  app: MastodonChannelApp,
  config: MastodonConfig,
  extra: Pick<MastodonAdapterOptions, 'now' | 'sleep' | 'streaming'> = {},
): LiveChannel & { adapter: MastodonAdapter } {
  const adapter = new MastodonAdapter({
    config,
    db: app.db,
    logger: app.logger.child({ channel: 'mastodon' }),
    ...extra,
  });
  const host = new URL(config.url).host;
  return {
    adapter,
    pipeline: {
      rules: () => MASTODON_RULES,
      pointerValues: () => {
        const facts = adapter.instance;
        return { handle: facts ? `${facts.me.username}@${facts.domain}` : host };
      },
    },
  };
}
