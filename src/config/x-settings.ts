import { optionalText, urlSetting, SettingShape, ParsedSettings } from './setting-types.js';
import { credentialGroup } from './credential-group.js';

/** X (Twitter) settings. The adapter itself adds polling, backfill, costs and budget settings. */
export const xSettings = {
  X_API_KEY: optionalText('the X app consumer key (developer portal, Keys and tokens)'),
  X_API_SECRET: optionalText('the X app consumer secret'),
  X_ACCESS_TOKEN: optionalText("the brand account's OAuth 1.0a access token (Read and write, DMs)"),
  X_ACCESS_SECRET: optionalText("the brand account's OAuth 1.0a access token secret"),
  X_BRAND_USER_ID: optionalText("the brand account's numeric X user id"),
  X_API_BASE_URL: urlSetting('https://api.x.com', 'base URL of the X API, e.g. https://api.x.com'),
} satisfies SettingShape;

type XParsed = ParsedSettings<typeof xSettings>;

export interface XConfig {
  apiKey: string;
  apiSecret: string;
  accessToken: string;
  accessSecret: string;
  brandUserId: string;
  apiBaseUrl: string;
}

export function buildXConfig(p: XParsed) {
  const group = credentialGroup('X', {
    X_API_KEY: p.X_API_KEY, X_API_SECRET: p.X_API_SECRET, X_ACCESS_TOKEN: p.X_ACCESS_TOKEN,
    X_ACCESS_SECRET: p.X_ACCESS_SECRET, X_BRAND_USER_ID: p.X_BRAND_USER_ID,
  });
  const x: XConfig | null = group.enabled
    ? {
        apiKey: p.X_API_KEY!, apiSecret: p.X_API_SECRET!, accessToken: p.X_ACCESS_TOKEN!,
        accessSecret: p.X_ACCESS_SECRET!, brandUserId: p.X_BRAND_USER_ID!, apiBaseUrl: p.X_API_BASE_URL,
      }
    : null;
  // Every secret value, so the logger can scrub them wherever they appear.
  const secrets = [p.X_API_KEY, p.X_API_SECRET, p.X_ACCESS_TOKEN, p.X_ACCESS_SECRET];
  return { value: x, problem: group.problem, secrets };
}
