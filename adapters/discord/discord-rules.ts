import { byCodePoint, type ChannelLimit } from '../../src/core/channel-limit.js';
import type { ChannelRules } from '../../src/core/channel-rules.js';

/** The bot opens the DM itself; when the member's DMs are closed the public reply says "message us". */
export const DISCORD_RULES: ChannelRules = {
  pointerKind: 'discord',
  privateFirst: 'always',
  privateFailedPointerKind: 'discord-dm-closed',
};

/** 2,000 characters a message. */
export const DISCORD_LIMIT: ChannelLimit = { maxLength: 2000, measure: byCodePoint };
