import type { LiveChannel } from '../../src/app/live-channels.js';
import type { Logger } from '../../src/log/create-logger.js';
import type { Db } from '../../src/store/create-db.js';
import { BlueskyAdapter, type BlueskyAdapterOptions } from './bluesky-adapter.js';
import { BLUESKY_LIMIT } from './bluesky-limits.js';
import { BLUESKY_RULES } from './bluesky-rules.js';
import type { BlueskyConfig } from './bluesky-settings.js';

/** What the Bluesky channel needs from the running app (tests pass their own). */
export interface BlueskyChannelApp {
  config: { bluesky: BlueskyConfig; brand: { name: string; handles: string[] } };
  db: Db;
  logger: Logger;
}

/**
 * The Bluesky channel: its adapter, and what it adds to the pipeline: its private-message rules (a DM
 * where the customer's chat setting allows it, else a public pointer), and the brand's handle for the
 * "message us" wording, and its length limit (300 graphemes). The brand's own posts are recognised by DID once logged in.
 */
export function buildBlueskyChannel(
  app: BlueskyChannelApp, extra: Pick<BlueskyAdapterOptions, 'now' | 'sleep' | 'fetch'> = {},
): LiveChannel & { adapter: BlueskyAdapter; limit: typeof BLUESKY_LIMIT } {
  const config = app.config.bluesky;
  const adapter = new BlueskyAdapter({ config, db: app.db, logger: app.logger.child({ channel: 'bluesky' }), ...extra });
  return {
    adapter,
    pipeline: {
      accountIds: [],
      channelRules: () => BLUESKY_RULES,
      pointerValues: () => ({ handle: config.handle }),
    },
    limit: BLUESKY_LIMIT,
  };
}
