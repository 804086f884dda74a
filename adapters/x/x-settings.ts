import { credentialGroup } from '../../src/core/settings/credential-group.js';
import {
  flagSetting,
  intSetting,
  listSetting,
  numberSetting,
  optionalText,
  type ParsedSettings,
  type SettingShape,
  urlSetting,
} from '../../src/core/settings/setting-types.js';

// Prices change: every unit cost is a setting (defaults from X's pay-per-use price list, see README "X").
const cost = (defaultUsd: number, what: string) =>
  numberSetting(defaultUsd, 0, 100, `US dollars per ${what}, e.g. ${defaultUsd}`);

/** X (Twitter) settings: credentials, polling, keyword listening, private-message pointer, costs and budget. */
export const xSettings = {
  X_API_KEY: optionalText('the X app consumer key (developer portal, Keys and tokens)'),
  X_API_SECRET: optionalText('the X app consumer secret'),
  X_ACCESS_TOKEN: optionalText("the brand account's OAuth 1.0a access token (Read and write, DMs)"),
  X_ACCESS_SECRET: optionalText("the brand account's OAuth 1.0a access token secret"),
  X_BRAND_USER_ID: optionalText("the brand account's numeric X user id, e.g. 1500000000000000001").refine(
    (v) => v === undefined || /^[0-9]{1,19}$/.test(v),
    'must be the numeric user id (digits only), not the @handle',
  ),
  X_API_BASE_URL: urlSetting('https://api.x.com', 'base URL of the X API, e.g. https://api.x.com'),
  X_POLL_INTERVAL_SECONDS: intSetting(
    60,
    5,
    3600,
    'whole seconds between two reads of the mentions timeline, 5 to 3600',
  ),
  X_BACKFILL_MAX_HOURS: intSetting(
    24,
    1,
    168,
    'whole hours: after downtime, catch up on mentions at most this old, 1 to 168',
  ),
  X_GAP_SEARCH: flagSetting(
    true,
    'true or false: fill a gap in the 800-post mentions timeline ' +
      "from recent search (needs an X plan with search; a 'not " +
      "enrolled' answer turns it off until restart)",
  ),
  X_SEARCH_KEYWORDS: listSetting(
    '',
    'comma-separated words or phrases to listen for (alerts only); empty turns keyword search off',
  )
    // Plain words only: quotes, brackets, a leading "-" or "x:" would change the search query's meaning.
    .refine(
      (list) => list.every((k) => /^[\p{L}\p{N}#$_][\p{L}\p{N}#$_' .&-]{0,59}$/u.test(k)),
      "each keyword is 1 to 60 letters, digits, spaces or # $ _ ' . & - (not leading -)",
    ),
  X_READ_DMS: flagSetting(
    true,
    'true or false: read direct messages to the brand (needed before the bot may send a DM)',
  ),
  X_DM_LINK: flagSetting(
    false,
    'true or false: end acknowledgements with a DM deep link (a post with a URL costs 20 times more)',
  ),
  X_DAILY_BUDGET_USD: numberSetting(
    5,
    0,
    100_000,
    'US dollars per UTC day; once spent, automatic X posts stop and cases wait in Slack',
  ),
  X_COST_OWNED_READ_USD: cost(0.001, "post read from the brand's own mentions or posts (owned read)"),
  X_COST_READ_USD: cost(0.005, 'post read by keyword search'),
  X_COST_DM_READ_USD: cost(0.01, 'direct-message event read'),
  X_COST_POST_USD: cost(0.015, 'post or reply that was not summoned'),
  X_COST_POST_WITH_URL_USD: cost(0.2, 'post containing a URL (e.g. a DM link)'),
  X_COST_SUMMONED_REPLY_USD: cost(0.01, 'reply to a post that @mentioned or quoted the brand'),
  X_COST_DM_USD: cost(0.015, 'direct message sent'),
} satisfies SettingShape;

type XParsed = ParsedSettings<typeof xSettings>;

/** What each billable X call costs, in US dollars (per post read, per request written). */
export interface XUnitCosts {
  ownedRead: number;
  read: number;
  dmRead: number;
  post: number;
  postWithUrl: number;
  summonedReply: number;
  dm: number;
}

/** The X adapter's configuration. */
export interface XConfig {
  apiKey: string;
  apiSecret: string;
  accessToken: string;
  accessSecret: string;
  brandUserId: string;
  apiBaseUrl: string;
  pollIntervalMs: number;
  backfillMaxAgeMs: number;
  /** Fill timeline gaps from recent search (X_GAP_SEARCH). */
  gapSearch: boolean;
  searchKeywords: string[];
  readDms: boolean;
  dmLink: boolean;
  dailyBudgetUsd: number;
  costs: XUnitCosts;
}

export function buildXConfig(p: XParsed) {
  const group = credentialGroup('X', {
    X_API_KEY: p.X_API_KEY,
    X_API_SECRET: p.X_API_SECRET,
    X_ACCESS_TOKEN: p.X_ACCESS_TOKEN,
    X_ACCESS_SECRET: p.X_ACCESS_SECRET,
    X_BRAND_USER_ID: p.X_BRAND_USER_ID,
  });
  const x: XConfig | null = group.enabled
    ? {
        apiKey: p.X_API_KEY!,
        apiSecret: p.X_API_SECRET!,
        accessToken: p.X_ACCESS_TOKEN!,
        accessSecret: p.X_ACCESS_SECRET!,
        brandUserId: p.X_BRAND_USER_ID!,
        apiBaseUrl: p.X_API_BASE_URL,
        pollIntervalMs: p.X_POLL_INTERVAL_SECONDS * 1000,
        backfillMaxAgeMs: p.X_BACKFILL_MAX_HOURS * 3_600_000,
        gapSearch: p.X_GAP_SEARCH,
        searchKeywords: p.X_SEARCH_KEYWORDS,
        readDms: p.X_READ_DMS,
        dmLink: p.X_DM_LINK,
        dailyBudgetUsd: p.X_DAILY_BUDGET_USD,
        costs: {
          ownedRead: p.X_COST_OWNED_READ_USD,
          read: p.X_COST_READ_USD,
          dmRead: p.X_COST_DM_READ_USD,
          post: p.X_COST_POST_USD,
          postWithUrl: p.X_COST_POST_WITH_URL_USD,
          summonedReply: p.X_COST_SUMMONED_REPLY_USD,
          dm: p.X_COST_DM_USD,
        },
      }
    : null;
  // Every secret value, so the logger can scrub them wherever they appear.
  const secrets = [p.X_API_KEY, p.X_API_SECRET, p.X_ACCESS_TOKEN, p.X_ACCESS_SECRET];
  return { value: x, problem: group.problem, secrets };
}
