import type { ChannelDefinition } from '../../src/core/live-channel.js';
import type { XChannelApp } from './x-channel.js';
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
  // The adapter and its platform library load only when the channel is configured: start-up time
  // and memory are not spent on networks a deployment does not use. (require, not import(): the
  // sources also run through tsx's CommonJS hook, which import() of a .ts file bypasses.)
  create: async (app, x) => (require('./x-channel.js') as typeof import('./x-channel.js')).buildXChannel(app, x),
};
