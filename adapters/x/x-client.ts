import http from 'node:http';
import { type ITwitterApiClientPlugin, TwitterApi } from 'twitter-api-v2';
import type { XConfig } from './x-settings.js';

/** A request X has not answered in this time is abandoned (and, for a send, checked before any retry). */
export const X_REQUEST_TIMEOUT_MS = 30_000;

/**
 * Sends every api.x.com request to `baseUrl` instead (a proxy, a local contract server): twitter-api-v2
 * has no base-URL option and always builds https://api.x.com URLs. It runs after the OAuth 1.0a
 * signature is computed over the api.x.com URL, which is what a forwarding proxy passes on unchanged.
 * Also gives every request a timeout, so a silent connection never stalls the poller.
 */
export function baseUrlPlugin(baseUrl: string): ITwitterApiClientPlugin {
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  return {
    onBeforeRequest({ computedParams, requestOptions }) {
      requestOptions.timeout ??= X_REQUEST_TIMEOUT_MS;
      const url = computedParams.url;
      if (url.host !== 'api.x.com' || base.host === 'api.x.com') return;
      url.protocol = base.protocol;
      url.host = base.host;
      url.pathname = prefix + url.pathname;
    },
  };
}

/**
 * The twitter-api-v2 client of the brand account: OAuth 1.0a user context (the app's keys plus the
 * brand's access token), every request through the base-URL plugin and the given plugins.
 */
export function createXClient(
  config: XConfig,
  plugins: ITwitterApiClientPlugin[] = [],
): { client: TwitterApi; close: () => void } {
  // https.request accepts an http: URL only with an http agent: needed for a plain-http proxy or test server.
  const agent = config.apiBaseUrl.startsWith('http:') ? new http.Agent({ keepAlive: true }) : undefined;
  const client = new TwitterApi(
    {
      appKey: config.apiKey,
      appSecret: config.apiSecret,
      accessToken: config.accessToken,
      accessSecret: config.accessSecret,
    },
    { plugins: [baseUrlPlugin(config.apiBaseUrl), ...plugins], ...(agent ? { httpAgent: agent } : {}) },
  );
  return { client, close: () => agent?.destroy() };
}
