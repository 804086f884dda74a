import twitterText from 'twitter-text';
import { type FakeHttpRequest, type FakeHttpResponse, type LocalServer, startLocalServer } from './local-http';
import type { Faults } from './storm-schedule';

/** X's epoch for snowflake ids (ids grow with time; the top bits are milliseconds since this). */
const X_EPOCH = 1_288_834_974_657n;
/** The mentions timeline serves only the 800 most recent mentions (X API docs, "Timelines"). */
export const MENTIONS_TIMELINE_DEPTH = 800;
/** A user's own timeline serves the 3,200 most recent posts. */
const USER_TIMELINE_DEPTH = 3_200;

export interface XUser {
  id: string;
  username: string;
  name: string;
}

/** A post stored on the fake X, as v2 returns it plus what the harness needs to know. */
export interface XStoredPost {
  id: string;
  text: string;
  author_id: string;
  created_at: string;
  conversation_id: string;
  edit_history_tweet_ids: string[];
  lang: string;
  entities?: { mentions: Array<{ start: number; end: number; username: string; id: string }> };
  referenced_tweets?: Array<{ type: 'replied_to'; id: string }>;
  in_reply_to_user_id?: string;
  display_text_range?: [number, number];
  /** Harness bookkeeping (not served). */
  atMs: number;
  submitted?: string;
}

/** Rate-limit windows per endpoint and user, as documented (per 15 minutes), on a compressed clock. */
export const X_LIMITS: Record<string, number> = {
  mentions: 300,
  userPosts: 900,
  lookup: 900,
  search: 300,
  createPost: 100,
  dmEvents: 15,
  dmCreate: 15,
  me: 75,
  users: 900,
};

export interface FakeXOptions {
  faults: Faults;
  brand: XUser;
  /** Length of X's 15-minute rate-limit window on this run's clock, in ms. */
  windowMs: number;
  /** Whether the account may use recent search (needed to fill a timeline gap). */
  searchAvailable: boolean;
  /** Called for every POST /2/tweets once it is accepted (the harness may kill the bot right then). */
  onCreate?: () => void;
}

const xEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const cmp = (a: string, b: string) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0);
const problem = (status: number, title: string, detail: string, extra: Record<string, unknown> = {}) => ({
  status,
  body: { title, detail, type: 'about:blank', status, ...extra },
});

/**
 * A fake X API v2 written from X's documentation: the mentions timeline (since_id, until_id,
 * start_time, max_results, pagination_token, only the 800 newest), a user's posts, lookup, recent
 * search, POST /2/tweets whose stored text carries the replied-to "@handle " prefix before
 * display_text_range, 403 duplicate content, the reply restriction, x-rate-limit-* headers and 429 per
 * window, and the storms of the run.
 */
export class FakeXPlatform {
  readonly users = new Map<string, XUser>();
  /** Every post, oldest first (ids ascending). */
  readonly posts: XStoredPost[] = [];
  /** Ids the bot was ever served by the mentions timeline or search, for the gap count. */
  readonly served = new Set<string>();
  /** Mentions that dropped out of the 800-deep timeline without ever being served. */
  readonly fellOut = new Set<string>();
  /** Requests by endpoint, and how many got each status. */
  readonly calls = new Map<string, number>();
  readonly statuses = new Map<string, number>();
  /** Requests with a path the fake does not know. */
  readonly unknown: string[] = [];
  private mentionIds: string[] = [];
  private readonly windows = new Map<string, { resetAt: number; used: number }>();
  private lastMs = 0;
  private seq = 0;
  private server?: LocalServer;

  constructor(private readonly o: FakeXOptions) {
    this.users.set(o.brand.id, o.brand);
  }

  get url(): string {
    return this.server!.url;
  }

  async start(): Promise<void> {
    this.server = await startLocalServer((req) => this.handle(req));
  }

  async stop(): Promise<void> {
    await this.server?.close();
  }

  private nextId(ms: number): string {
    if (ms === this.lastMs) this.seq++;
    else {
      this.lastMs = ms;
      this.seq = 0;
    }
    return String(((BigInt(ms) - X_EPOCH) << 22n) | BigInt(this.seq & 0x3fffff));
  }

  user(username: string, name: string): XUser {
    const u = { id: String(1_700_000_000_000_000_000n + BigInt(this.users.size)), username, name };
    this.users.set(u.id, u);
    return u;
  }

  /** A customer posts (a mention when the text @mentions the brand). */
  post(author: XUser, text: string, at = Date.now()): XStoredPost {
    const id = this.nextId(at);
    const escaped = xEscape(text);
    const mentions = [...escaped.matchAll(/@(\w{1,15})/g)].flatMap((m) => {
      const u = [...this.users.values()].find((x) => x.username.toLowerCase() === m[1].toLowerCase());
      return u ? [{ start: m.index!, end: m.index! + m[0].length, username: u.username, id: u.id }] : [];
    });
    const p: XStoredPost = {
      id,
      text: escaped,
      author_id: author.id,
      created_at: new Date(at).toISOString(),
      conversation_id: id,
      edit_history_tweet_ids: [id],
      lang: 'en',
      atMs: at,
      ...(mentions.length ? { entities: { mentions } } : {}),
    };
    this.posts.push(p);
    if (author.id !== this.o.brand.id && mentions.some((m) => m.id === this.o.brand.id)) this.addMention(id);
    return p;
  }

  private addMention(id: string): void {
    this.mentionIds.push(id);
    if (this.mentionIds.length > MENTIONS_TIMELINE_DEPTH) {
      const gone = this.mentionIds.shift()!;
      if (!this.served.has(gone)) this.fellOut.add(gone);
    }
  }

  /** The brand's replies, oldest first. */
  brandReplies(): XStoredPost[] {
    return this.posts.filter((p) => p.author_id === this.o.brand.id && p.referenced_tweets);
  }

  private count(map: Map<string, number>, key: string): void {
    map.set(key, (map.get(key) ?? 0) + 1);
  }

  private async handle(req: FakeHttpRequest): Promise<FakeHttpResponse> {
    const route = this.route(req);
    if (!route) {
      this.unknown.push(`${req.method} ${req.path}`);
      return problem(404, 'Not Found', `the fake X does not serve ${req.method} ${req.path}`);
    }
    this.count(this.calls, route.endpoint);
    const answer = this.withFaults(route.endpoint, () => this.withLimit(route.endpoint, route.run));
    this.count(this.statuses, `${route.endpoint} ${answer.drop ? 'dropped' : answer.status}`);
    return answer;
  }

  private withFaults(endpoint: string, run: () => FakeHttpResponse): FakeHttpResponse {
    const f = this.o.faults;
    const limited = f.active('x-429');
    if (limited) {
      const reset = Math.ceil(f.endsAt(limited) / 1000);
      return {
        ...problem(429, 'Too Many Requests', 'Too Many Requests'),
        headers: limitHeaders(X_LIMITS[endpoint] ?? 100, 0, reset),
      };
    }
    if (f.active('x-503') || f.active('x-outage')) return problem(503, 'Service Unavailable', 'Service Unavailable');
    if (endpoint === 'createPost') {
      if (f.active('x-accept-drop')) {
        const done = run();
        return done.status < 300 ? { status: 0, drop: true } : done;
      }
      if (f.active('x-accept-503')) {
        const done = run();
        return done.status < 300 ? problem(503, 'Service Unavailable', 'Service Unavailable') : done;
      }
    }
    return run();
  }

  private withLimit(endpoint: string, run: () => FakeHttpResponse): FakeHttpResponse {
    const limit = X_LIMITS[endpoint] ?? 100;
    const now = Date.now();
    let w = this.windows.get(endpoint);
    if (!w || now >= w.resetAt) {
      w = { resetAt: now + this.o.windowMs, used: 0 };
      this.windows.set(endpoint, w);
    }
    const reset = Math.ceil(w.resetAt / 1000);
    if (w.used >= limit)
      return { ...problem(429, 'Too Many Requests', 'Too Many Requests'), headers: limitHeaders(limit, 0, reset) };
    w.used++;
    const answer = run();
    return { ...answer, headers: { ...answer.headers, ...limitHeaders(limit, limit - w.used, reset) } };
  }

  private route(req: FakeHttpRequest): { endpoint: string; run: () => FakeHttpResponse } | undefined {
    const m = (re: RegExp) => re.exec(req.path);
    const brand = this.o.brand.id;
    const id = (re: RegExp) => m(re)?.[1];
    const mentionsOf = id(/^\/2\/users\/(\d+)\/mentions$/);
    if (req.method === 'GET' && mentionsOf)
      return { endpoint: 'mentions', run: () => this.mentionsPage(mentionsOf, req.query) };
    const postsOf = id(/^\/2\/users\/(\d+)\/tweets$/);
    if (req.method === 'GET' && postsOf) return { endpoint: 'userPosts', run: () => this.userPage(postsOf, req.query) };
    const post = id(/^\/2\/tweets\/(\d+)$/);
    const user = id(/^\/2\/users\/(\d+)$/);
    if (req.method === 'GET' && req.path === '/2/tweets/search/recent')
      return { endpoint: 'search', run: () => this.search(req.query) };
    if (req.method === 'GET' && post) return { endpoint: 'lookup', run: () => this.lookup([post], true) };
    if (req.method === 'GET' && req.path === '/2/tweets')
      return { endpoint: 'lookup', run: () => this.lookup(String(req.query.ids ?? '').split(','), false) };
    if (req.method === 'POST' && req.path === '/2/tweets')
      return { endpoint: 'createPost', run: () => this.create(req.body) };
    if (req.method === 'GET' && req.path === '/2/users/me')
      return { endpoint: 'me', run: () => ({ status: 200, body: { data: this.o.brand } }) };
    if (req.method === 'GET' && user) {
      return {
        endpoint: 'users',
        run: () =>
          this.users.get(user)
            ? { status: 200, body: { data: this.users.get(user) } }
            : problem(404, 'Not Found', 'user not found'),
      };
    }
    if (
      req.method === 'GET' &&
      (req.path === '/2/dm_events' || /^\/2\/dm_conversations\/with\/\d+\/dm_events$/.test(req.path))
    ) {
      return { endpoint: 'dmEvents', run: () => ({ status: 200, body: { meta: { result_count: 0 } } }) };
    }
    if (req.method === 'POST' && /^\/2\/dm_conversations\/with\/\d+\/messages$/.test(req.path)) {
      // Nobody in this world wrote to the brand first, so X refuses every DM.
      return { endpoint: 'dmCreate', run: () => problem(403, 'Forbidden', 'You cannot send messages to this user.') };
    }
    void brand;
    return undefined;
  }

  private serve(
    list: XStoredPost[],
    query: Record<string, string>,
    tokenParam: string,
    min: number,
    served: boolean,
  ): FakeHttpResponse {
    const max = Number(query.max_results ?? 10);
    if (!Number.isInteger(max) || max < min || max > 100) {
      return problem(
        400,
        'Invalid Request',
        `The \`max_results\` query parameter value [${query.max_results}] is not between ${min} and 100`,
      );
    }
    let items = list;
    if (query.since_id) items = items.filter((p) => cmp(p.id, query.since_id) > 0);
    if (query.until_id) items = items.filter((p) => cmp(p.id, query.until_id) < 0);
    if (query.start_time) items = items.filter((p) => p.atMs >= Date.parse(query.start_time));
    if (query.end_time) items = items.filter((p) => p.atMs < Date.parse(query.end_time));
    const token = query[tokenParam];
    if (token) {
      const before = Buffer.from(token, 'base64url').toString();
      if (!/^\d+$/.test(before)) return problem(400, 'Invalid Request', `invalid ${tokenParam}`);
      items = items.filter((p) => cmp(p.id, before) < 0);
    }
    const newestFirst = [...items].sort((a, b) => cmp(b.id, a.id));
    const data = newestFirst.slice(0, max);
    if (!data.length) return { status: 200, body: { meta: { result_count: 0 } } };
    if (served) for (const p of data) this.served.add(p.id);
    const authors = [...new Set(data.map((p) => p.author_id))].map((id) => this.users.get(id)).filter(Boolean);
    const more = newestFirst.length > max;
    return {
      status: 200,
      body: {
        data: data.map(publicPost),
        includes: { users: authors },
        meta: {
          result_count: data.length,
          newest_id: data[0].id,
          oldest_id: data[data.length - 1].id,
          ...(more
            ? {
                [tokenParam === 'next_token' ? 'next_token' : 'next_token']: Buffer.from(
                  data[data.length - 1].id,
                ).toString('base64url'),
              }
            : {}),
        },
      },
    };
  }

  private mentionsPage(userId: string, query: Record<string, string>): FakeHttpResponse {
    if (userId !== this.o.brand.id) return problem(403, 'Forbidden', 'owned reads only in this fake');
    const byId = new Map(this.posts.map((p) => [p.id, p]));
    return this.serve(
      this.mentionIds.map((id) => byId.get(id)!),
      query,
      'pagination_token',
      5,
      true,
    );
  }

  private userPage(userId: string, query: Record<string, string>): FakeHttpResponse {
    const own = this.posts.filter((p) => p.author_id === userId).slice(-USER_TIMELINE_DEPTH);
    return this.serve(own, query, 'pagination_token', 5, false);
  }

  private search(query: Record<string, string>): FakeHttpResponse {
    if (!this.o.searchAvailable) {
      return problem(
        403,
        'Client Forbidden',
        'When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project.',
        { reason: 'client-not-enrolled' },
      );
    }
    const q = String(query.query ?? '');
    const terms = [...q.matchAll(/(?:^|[\s(])(@?[\w]+)/g)]
      .map((m) => m[1].toLowerCase())
      .filter((t) => !['or', 'and'].includes(t));
    const notFrom = [...q.matchAll(/-from:(\w+)/g)].map((m) => m[1].toLowerCase());
    const wanted = terms.filter(
      (t) => !q.toLowerCase().includes(`-${t}`) && !q.toLowerCase().includes(`from:${t}`) && !t.startsWith('is'),
    );
    const hits = this.posts.filter((p) => {
      const author = this.users.get(p.author_id);
      if (notFrom.includes(p.author_id) || (author && notFrom.includes(author.username.toLowerCase()))) return false;
      const text = p.text.toLowerCase();
      return wanted.some((t) => text.includes(t));
    });
    const answer = this.serve(hits, query, 'next_token', 10, true);
    return answer;
  }

  private lookup(ids: string[], single: boolean): FakeHttpResponse {
    const found = ids.map((id) => this.posts.find((p) => p.id === id)).filter((p): p is XStoredPost => !!p);
    if (single)
      return found[0]
        ? { status: 200, body: { data: publicPost(found[0]) } }
        : problem(404, 'Not Found Error', 'Could not find tweet');
    return { status: 200, body: { data: found.map(publicPost) } };
  }

  private create(body: { text?: unknown; reply?: { in_reply_to_tweet_id?: string } }): FakeHttpResponse {
    if (typeof body.text !== 'string' || !body.text.trim()) return problem(400, 'Invalid Request', 'text is required');
    if (!twitterText.parseTweet(body.text).valid)
      return problem(400, 'Invalid Request', 'Your Tweet text is too long.');
    const target = body.reply?.in_reply_to_tweet_id
      ? this.posts.find((p) => p.id === body.reply!.in_reply_to_tweet_id)
      : undefined;
    if (body.reply && !target) return problem(400, 'Invalid Request', 'The replied-to post does not exist');
    const brand = this.o.brand.id;
    if (target && !target.entities?.mentions.some((m) => m.id === brand)) {
      return problem(
        403,
        'Forbidden',
        'Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged by the author of the post you are replying to.',
      );
    }
    // X refuses a text this account already posted.
    if (this.posts.some((p) => p.author_id === brand && p.submitted === body.text)) {
      return problem(403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.');
    }
    const now = Date.now();
    const id = this.nextId(now);
    // X puts the replied-to author (and the others that post mentioned) in front of a reply's text and
    // marks where the brand's own words start with display_text_range.
    const handles = target
      ? [
          this.users.get(target.author_id)!.username,
          ...(target.entities?.mentions ?? [])
            .filter((m) => m.id !== brand && m.id !== target.author_id)
            .map((m) => m.username),
        ]
      : [];
    const prefix = [...new Set(handles)].map((h) => `@${h} `).join('');
    const full = prefix + xEscape(body.text);
    const p: XStoredPost = {
      id,
      text: full,
      author_id: brand,
      created_at: new Date(now).toISOString(),
      conversation_id: target?.conversation_id ?? id,
      edit_history_tweet_ids: [id],
      lang: 'en',
      atMs: now,
      submitted: body.text,
      display_text_range: [[...prefix].length, [...full].length],
      ...(target
        ? { referenced_tweets: [{ type: 'replied_to' as const, id: target.id }], in_reply_to_user_id: target.author_id }
        : {}),
    };
    this.posts.push(p);
    this.o.onCreate?.();
    return { status: 201, body: { data: { id, text: full, edit_history_tweet_ids: [id] } } };
  }
}

function publicPost(p: XStoredPost) {
  const { atMs, submitted, ...served } = p;
  return served;
}

function limitHeaders(limit: number, remaining: number, resetEpochS: number): Record<string, string> {
  return {
    'x-rate-limit-limit': String(limit),
    'x-rate-limit-remaining': String(remaining),
    'x-rate-limit-reset': String(resetEpochS),
  };
}
