import type { ChannelLimit } from '../../src/core/channel-limit.js';
import type { ChannelRules } from '../../src/core/channel-rules.js';
import { twitterText } from './twitter-text.js';

/** X's developer guidelines: DMs only after the customer has written to the brand first. */
export const X_RULES: ChannelRules = { pointerKind: 'x', privateFirst: 'after_inbound' };

/** 280 weighted characters, counted the way twitter-text does: URLs 23, most CJK characters and emoji 2. */
export const X_LIMIT: ChannelLimit = {
  maxLength: 280,
  measure: (text) => twitterText.parseTweet(text).weightedLength,
  note: 'links count 23, emoji and CJK count 2',
};
