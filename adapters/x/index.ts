import type { ChannelDefinition } from '../../src/core/live-channel.js';
import { buildXChannel, type XChannelApp } from './x-channel.js';
import { X_LIMIT, X_RULES } from './x-rules.js';
import { buildXConfig, type XConfig, xSettings } from './x-settings.js';

/** X (Twitter): on when the X credentials are set (see README, "X"). */
export const xChannel: ChannelDefinition<XConfig, XChannelApp> = {
  name: 'x',
  settings: xSettings,
  configure: (parsed) => buildXConfig(parsed as Parameters<typeof buildXConfig>[0]),
  rules: X_RULES,
  limit: X_LIMIT,
  accountIds: (x) => [x.brandUserId],
  create: async (app, x) => buildXChannel(app, x),
};
