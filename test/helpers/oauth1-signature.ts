import crypto from 'node:crypto';

// RFC 3986 percent-encoding, as OAuth 1.0a (RFC 5849) requires.
const enc = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The parameters of an `Authorization: OAuth ...` header. */
export function parseOAuthHeader(header: string | undefined): Record<string, string> | undefined {
  if (!header?.startsWith('OAuth ')) return undefined;
  const params: Record<string, string> = {};
  for (const [, key, value] of header.slice(6).matchAll(/([\w]+)="([^"]*)"/g)) params[key] = decodeURIComponent(value);
  return params;
}

/**
 * Checks an OAuth 1.0a HMAC-SHA1 signature the way X does, over the URL the client meant to call
 * (https://api.x.com/...): proves the base-URL plugin reroutes requests without breaking the signature.
 */
export function verifyOAuth1(
  req: { method: string; url: string; query: Record<string, string>; authorization?: string },
  keys: { consumerKey: string; consumerSecret: string; token: string; tokenSecret: string },
): string | undefined {
  const oauth = parseOAuthHeader(req.authorization);
  if (!oauth) return 'no OAuth 1.0a Authorization header';
  if (oauth.oauth_consumer_key !== keys.consumerKey || oauth.oauth_token !== keys.token)
    return 'unknown consumer key or access token';
  const { oauth_signature: signature, realm: _realm, ...signed } = oauth;
  const pairs = [...Object.entries(req.query), ...Object.entries(signed)].map(([k, v]) => [enc(k), enc(v)]);
  pairs.sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : 1) : ak < bk ? -1 : 1));
  const base = [req.method.toUpperCase(), enc(req.url), enc(pairs.map(([k, v]) => `${k}=${v}`).join('&'))].join('&');
  const expected = crypto
    .createHmac('sha1', `${enc(keys.consumerSecret)}&${enc(keys.tokenSecret)}`)
    .update(base)
    .digest('base64');
  return expected === signature ? undefined : 'OAuth signature does not match';
}
