import type { ChannelRules } from '../../src/core/channel-rules.js';

/**
 * Bluesky's private path. The bot offers a DM in every acknowledgement and tries it; the adapter sends
 * it only where the customer's chat setting (allowIncoming: everyone, or people they follow when they
 * follow the brand) lets the brand write first, and refuses it as `dm_closed` otherwise. The public
 * reply then switches to the wording that asks the customer to message the brand, which works because
 * the brand's own chat setting accepts messages from everyone (README, Bluesky set-up).
 */
export const BLUESKY_RULES: ChannelRules = {
  pointerKind: 'bluesky',
  privateFirst: 'always',
  privateFailedPointerKind: 'bluesky-dm-closed',
};
