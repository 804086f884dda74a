import type { ChannelRules } from '../../src/core/channel-rules.js';

/**
 * Mastodon's private path: a `direct` status that mentions only the customer, which anyone may send
 * (an instance may still refuse it, e.g. a customer who blocked the brand); the public reply then
 * asks them to write a private mention instead of claiming a message that never arrived.
 */
export const MASTODON_RULES: ChannelRules = {
  pointerKind: 'mastodon',
  privateFirst: 'always',
  privateFailedPointerKind: 'mastodon-private-failed',
};
