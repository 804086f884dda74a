import { App } from '@slack/bolt';
import type { SlackConfig } from '../config/slack-settings.js';
import type { Logger } from '../log/create-logger.js';
import { boltLogger } from './bolt-logger.js';
import { createHttpReceiver } from './create-http-receiver.js';

/**
 * The Bolt app: Socket Mode when an app token is set (no public URL, the default for self-hosting),
 * else HTTP, where every request's signature is checked, timestamps more than five minutes away either way
 * are refused, and bodies over 1 MB are refused as they stream (createHttpReceiver).
 * Its Web API calls go to SLACK_API_URL (tests, proxies, Slack for government). Initialisation is
 * deferred so the token check (auth.test) is awaited by startSlackDesk: eagerly, Bolt would run it in
 * the constructor, and an unreachable Slack would crash the process with an unhandled rejection.
 */
export function createSlackApp(config: SlackConfig, logger: Logger): App {
  const log = boltLogger(logger, 'slack-bolt');
  // A click must be answered within seconds: a couple of quick retries, never the WebClient's half-hour default.
  const clientOptions = {
    slackApiUrl: config.apiUrl,
    retryConfig: { retries: 2, factor: 1, minTimeout: 200, maxTimeout: 1000 },
  };
  if (config.appToken) {
    return new App({
      token: config.botToken,
      appToken: config.appToken,
      socketMode: true,
      logger: log,
      clientOptions,
      deferInitialization: true,
      // Socket Mode opens its connection with its own client, configured here (apps.connections.open).
      installerOptions: { clientOptions },
    });
  }
  const receiver = createHttpReceiver({ signingSecret: config.signingSecret, logger: log });
  return new App({ token: config.botToken, receiver, logger: log, clientOptions, deferInitialization: true });
}
