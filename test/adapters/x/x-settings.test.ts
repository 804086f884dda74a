import { loadAppConfig } from '../../../src/app/load-app-config';

const creds = {
  X_API_KEY: 'key-1234',
  X_API_SECRET: 'secret-1234',
  X_ACCESS_TOKEN: 'token-1234',
  X_ACCESS_SECRET: 'tsecret-1234',
  X_BRAND_USER_ID: '1500000000000000001',
};
const error = (env: Record<string, string>) => {
  try {
    loadAppConfig(env);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a configuration error');
};

describe('X settings', () => {
  it('turns X on with its defaults: a one-minute poll, a day of backfill, no keyword search, words not links, $5 a day', () => {
    const {
      channels: { x },
      secrets,
    } = loadAppConfig(creds);
    expect(x).toMatchObject({
      brandUserId: '1500000000000000001',
      apiBaseUrl: 'https://api.x.com',
      pollIntervalMs: 60_000,
      backfillMaxAgeMs: 86_400_000,
      searchKeywords: [],
      readDms: true,
      dmLink: false,
      dailyBudgetUsd: 5,
      costs: {
        ownedRead: 0.001,
        read: 0.005,
        dmRead: 0.01,
        post: 0.015,
        postWithUrl: 0.2,
        summonedReply: 0.01,
        dm: 0.015,
      },
    });
    expect(secrets).toEqual(expect.arrayContaining(['key-1234', 'secret-1234', 'token-1234', 'tsecret-1234']));
  });

  it('reads the optional settings', () => {
    const {
      channels: { x },
    } = loadAppConfig({
      ...creds,
      X_SEARCH_KEYWORDS: 'lumora, lumora router',
      X_DM_LINK: 'yes',
      X_COST_SUMMONED_REPLY_USD: '0.02',
      X_BACKFILL_MAX_HOURS: '6',
    });
    expect(x).toMatchObject({
      searchKeywords: ['lumora', 'lumora router'],
      dmLink: true,
      backfillMaxAgeMs: 6 * 3_600_000,
      costs: { summonedReply: 0.02 },
    });
  });

  it('refuses a handle where the numeric user id belongs, and keywords that would change the search query', () => {
    expect(error({ ...creds, X_BRAND_USER_ID: '@lumora' })).toMatch(
      /^Setting X_BRAND_USER_ID is invalid: must be the numeric user id/,
    );
    expect(error({ ...creds, X_SEARCH_KEYWORDS: 'lumora,"x" OR y' })).toMatch(/^Setting X_SEARCH_KEYWORDS is invalid/);
    expect(error({ ...creds, X_SEARCH_KEYWORDS: '-lumora' })).toMatch(/X_SEARCH_KEYWORDS/);
    expect(error({ ...creds, X_POLL_INTERVAL_SECONDS: '1' })).toMatch(/X_POLL_INTERVAL_SECONDS/);
    expect(error({ ...creds, X_COST_DM_USD: 'free' })).toMatch(/X_COST_DM_USD/);
  });
});
