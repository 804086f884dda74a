import type { TweetV2, UserV2 } from 'twitter-api-v2';
import type { DMEventV2 } from 'twitter-api-v2/dist/esm/types/v2/dm.v2.types';
import { idAt } from '../../adapters/x/x-ids';

/** The brand account of the tests (its id matches testDeps' brand accountIds). */
export const BRAND: UserV2 = { id: '1500000000000000001', username: 'lumora', name: 'Lumora' };

/** The app keys and the brand's access token the fake X accepts (OAuth 1.0a). */
export const X_KEYS = {
  consumerKey: 'test-app-key',
  consumerSecret: 'test-app-secret',
  token: '1500000000000000001-testtoken',
  tokenSecret: 'test-token-secret',
};

/** Environment for loadConfig that turns X on against a local server. */
export function xEnv(baseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    X_API_KEY: X_KEYS.consumerKey,
    X_API_SECRET: X_KEYS.consumerSecret,
    X_ACCESS_TOKEN: X_KEYS.token,
    X_ACCESS_SECRET: X_KEYS.tokenSecret,
    X_BRAND_USER_ID: BRAND.id,
    X_API_BASE_URL: baseUrl,
    ...extra,
  };
}

/** X escapes these three in the text it returns. */
export const xEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A post as X's v2 API returns it (twitter-api-v2's TweetV2), with @mention entities found in the text. */
export function xPost(
  id: string,
  author: UserV2,
  text: string,
  at: Date,
  users: UserV2[],
  extra: Partial<TweetV2> = {},
): TweetV2 {
  const mentions = [...text.matchAll(/@(\w{1,15})/g)].flatMap((m) => {
    const user = users.find((u) => u.username.toLowerCase() === m[1].toLowerCase());
    return user ? [{ start: m.index!, end: m.index! + m[0].length, username: user.username, id: user.id }] : [];
  });
  return {
    id,
    text: xEscape(text),
    edit_history_tweet_ids: [id],
    author_id: author.id,
    created_at: at.toISOString(),
    conversation_id: extra.conversation_id ?? id,
    lang: 'en',
    // X leaves out empty entity lists; twitter-api-v2's type wants them all, hence the cast.
    ...(mentions.length ? { entities: { mentions } as TweetV2['entities'] } : {}),
    ...extra,
  };
}

/** A direct message event (twitter-api-v2's DMEventV2) between a customer and the brand. */
export function xDm(id: string, sender: UserV2, other: UserV2, text: string, at: Date): DMEventV2 {
  const [a, b] = [sender.id, other.id].sort();
  return {
    id,
    event_type: 'MessageCreate',
    text: xEscape(text),
    sender_id: sender.id,
    dm_conversation_id: `${a}-${b}`,
    created_at: at.toISOString(),
  };
}

/** A snowflake id for something created at `at` (the n-th thing in that millisecond). */
export const snowflake = (at: Date, n = 0) => idAt(at, n);
