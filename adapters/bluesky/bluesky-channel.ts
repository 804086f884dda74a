import type { LiveChannel } from '../../src/core/live-channel.js';
import type { Logger } from '../../src/log/create-logger.js';
import type { Db } from '../../src/store/create-db.js';
import { BlueskyAdapter, type BlueskyAdapterOptions } from './bluesky-adapter.js';
import { BLUESKY_RULES } from './bluesky-rules.js';
import type { BlueskyConfig } from './bluesky-settings.js';

/** What the Bluesky channel needs from the running app (tests pass their own). */
export interface BlueskyChannelApp {
  db: Db;
  logger: Logger;
}

/**
 * The Bluesky channel: its adapter, and what it adds to the pipeline: its private-message rules (a DM
 * where the customer's chat setting allows it, else a public pointer) and the brand's handle for the
 * "message us" wording. The brand's own posts are recognised by DID once logged in (the polls skip them).
 */
export function buildBlueskyChannel(
  app: BlueskyChannelApp,
  config: BlueskyConfig,
  extra: Pick<BlueskyAdapterOptions, 'now' | 'sleep' | 'fetch'> = {},
): LiveChannel & { adapter: BlueskyAdapter } {
  const adapter = new BlueskyAdapter({
    config,
    db: app.db,
    logger: app.logger.child({ channel: 'bluesky' }),
    ...extra,
  });
  return {
    adapter,
    pipeline: {
      rules: () => BLUESKY_RULES,
      pointerValues: () => ({ handle: config.handle }),
    },
  };
}
