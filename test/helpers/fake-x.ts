import type { TweetV2, UserV2 } from 'twitter-api-v2';
import type { DMEventV2 } from 'twitter-api-v2/dist/esm/types/v2/dm.v2.types';
import { compareIds } from '../../adapters/x/x-ids';
import { BRAND, snowflake, xDm, xEscape, xPost } from './x-fixtures';

/** What the fake answers: status, JSON body, extra headers. */
export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}
export interface FakeRequest {
  query: Record<string, string>;
  params: Record<string, string>;
  body: any;
}

const problem = (status: number, title: string, detail: string, type = 'about:blank'): FakeResponse => ({
  status,
  body: { title, detail, type, status },
});
export const DUPLICATE = problem(403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.');
export const REPLY_NOT_ALLOWED = problem(
  403,
  'Forbidden',
  'Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged by the author of the post you are replying to.',
);
export const DM_REFUSED = problem(403, 'Forbidden', 'You cannot send messages to this user.');
export const PERMISSIONS = problem(
  403,
  'Forbidden',
  'Your client app is not configured with the appropriate oauth1 app permissions for this endpoint.',
  'https://api.twitter.com/2/problems/oauth1-permissions',
);
/** X's answer to recent search for an app whose plan has no search. */
export const CLIENT_NOT_ENROLLED: FakeResponse = {
  status: 403,
  body: {
    title: 'Client Forbidden',
    detail:
      'When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project.',
    type: 'https://api.twitter.com/2/problems/client-forbidden',
    reason: 'client-not-enrolled',
    status: 403,
  },
};
/** The mentions timeline serves only the 800 most recent mentions (X API docs, "Timelines"). */
export const MENTIONS_DEPTH = 800;
export const SERVER_ERROR = problem(503, 'Service Unavailable', 'Service Unavailable');
/** X's 429, with the reset (epoch seconds) in its headers. */
export const tooManyRequests = (resetAt: Date): FakeResponse => ({
  ...problem(429, 'Too Many Requests', 'Too Many Requests'),
  headers: {
    'x-rate-limit-limit': '300',
    'x-rate-limit-remaining': '0',
    'x-rate-limit-reset': String(Math.floor(resetAt.getTime() / 1000)),
  },
});

const byNewest = (a: { id: string }, b: { id: string }) => compareIds(b.id, a.id);
const token = (offset: number) => Buffer.from(`page-offset-${offset}`).toString('hex');
const offsetOf = (t?: string) => (t ? Number(Buffer.from(t, 'hex').toString().replace('page-offset-', '')) : 0);

/**
 * A small X: users, posts, DM events, and the behaviour of the endpoints the adapter uses (since_id,
 * start_time, pagination, duplicate content, the reply restriction, DMs only after the customer wrote).
 * Scripted answers (429, 503...) can be queued per operation; `apply` still performs the action first
 * (X posted, but the answer was lost).
 */
export class FakeX {
  readonly users: UserV2[] = [BRAND];
  readonly posts: TweetV2[] = [];
  readonly dmEvents: DMEventV2[] = [];
  private seq = 0;
  /** The text the brand submitted for each of its replies (X's duplicate check compares these). */
  private readonly submitted = new Map<string, string>();
  private readonly scripted = new Map<string, Array<{ response: FakeResponse; apply: boolean; skip: number }>>();

  constructor(readonly now: () => Date) {}

  user(username: string, name = username): UserV2 {
    const user = { id: String(1_700_000_000_000_000_000n + BigInt(++this.seq)), username, name };
    this.users.push(user);
    return user;
  }

  /** A post by `author`, `minutesAgo` before now (ids grow with time, as on X). */
  post(author: UserV2, text: string, minutesAgo = 1, extra: Partial<TweetV2> = {}): TweetV2 {
    const at = new Date(this.now().getTime() - minutesAgo * 60_000);
    const p = xPost(snowflake(at, ++this.seq), author, text, at, this.users, extra);
    this.posts.push(p);
    return p;
  }

  dm(sender: UserV2, text: string, minutesAgo = 1, to: UserV2 = BRAND): DMEventV2 {
    const at = new Date(this.now().getTime() - minutesAgo * 60_000);
    const e = xDm(snowflake(at, ++this.seq), sender, to, text, at);
    this.dmEvents.push(e);
    return e;
  }

  brandPosts(): TweetV2[] {
    return this.posts.filter((p) => p.author_id === BRAND.id);
  }

  /**
   * The next `times` calls of `operationId` (after `afterCalls` normal ones) get `response`; with
   * `apply`, the action happens first.
   */
  failNext(operationId: string, response: FakeResponse, { times = 1, apply = false, afterCalls = 0 } = {}): void {
    const queue = this.scripted.get(operationId) ?? [];
    for (let i = 0; i < times; i++) queue.push({ response, apply, skip: i === 0 ? afterCalls : 0 });
    this.scripted.set(operationId, queue);
  }

  handle(operationId: string, req: FakeRequest): FakeResponse {
    const queue = this.scripted.get(operationId);
    const scripted = queue?.[0] && queue[0].skip-- <= 0 ? queue.shift() : undefined;
    if (scripted && !scripted.apply) return scripted.response;
    const answer = this.answer(operationId, req);
    return scripted?.response ?? answer;
  }

  private answer(operationId: string, { query, params, body }: FakeRequest): FakeResponse {
    const since = (list: Array<{ id: string; created_at?: string }>) =>
      list
        .filter((x) => !query.since_id || compareIds(x.id, query.since_id) > 0)
        .filter((x) => !query.until_id || compareIds(x.id, query.until_id) < 0)
        .filter((x) => !query.start_time || Date.parse(x.created_at!) >= Date.parse(query.start_time));
    switch (operationId) {
      case 'getUsersMentions':
        return this.page(
          since(
            this.posts
              .filter((p) => p.author_id !== params.id && p.entities?.mentions?.some((m) => m.id === params.id))
              .sort(byNewest)
              .slice(0, MENTIONS_DEPTH),
          ),
          query,
        );
      case 'getUsersPosts':
        return this.page(since(this.posts.filter((p) => p.author_id === params.id)), query);
      case 'searchPostsRecent':
        return this.page(since(this.posts.filter((p) => matchesSearch(p, query.query))), query, 'next_token');
      case 'getDirectMessagesEvents':
        return this.page(this.dmEvents, query);
      case 'getDirectMessagesEventsByParticipantId':
        return this.page(
          this.dmEvents.filter((e) => e.dm_conversation_id!.split('-').includes(params.participant_id)),
          query,
        );
      case 'createPosts':
        return this.createPost(body);
      case 'createDirectMessagesByParticipantId':
        return this.createDm(params.participant_id, body.text);
      default:
        return problem(404, 'Not Found', `the fake X does not serve ${operationId}`);
    }
  }

  private page(
    all: Array<{ id: string; author_id?: string; sender_id?: string }>,
    query: Record<string, string>,
    tokenParam = 'pagination_token',
  ): FakeResponse {
    const sorted = [...all].sort(byNewest);
    const offset = offsetOf(query[tokenParam]);
    const size = Number(query.max_results ?? 10);
    const data = sorted.slice(offset, offset + size);
    if (!data.length) return { status: 200, body: { meta: { result_count: 0 } } };
    const authors = new Set(data.map((d) => d.author_id ?? d.sender_id));
    const meta = {
      result_count: data.length,
      newest_id: data[0].id,
      oldest_id: data[data.length - 1].id,
      ...(offset + size < sorted.length ? { next_token: token(offset + size) } : {}),
    };
    return { status: 200, body: { data, includes: { users: this.users.filter((u) => authors.has(u.id)) }, meta } };
  }

  private createPost(body: { text: string; reply?: { in_reply_to_tweet_id: string } }): FakeResponse {
    const target = this.posts.find((p) => p.id === body.reply?.in_reply_to_tweet_id);
    if (!target?.entities?.mentions?.some((m) => m.id === BRAND.id)) return REPLY_NOT_ALLOWED;
    // X wraps links in t.co and keeps the original in entities.urls.
    const urls: Array<{ url: string; expanded_url: string; start: number; end: number }> = [];
    const text = body.text.replace(/https?:\/\/\S+/g, (url, start: number) => {
      const short = `https://t.co/${(urls.length + 1).toString().padStart(10, 'x')}`;
      urls.push({ url: short, expanded_url: url, start, end: start + short.length });
      return short;
    });
    if (this.brandPosts().some((p) => (this.submitted.get(p.id) ?? p.text) === xEscape(text))) return DUPLICATE;
    // As X does: the replied-to author's @handle goes in front of a reply's text, and display_text_range
    // marks where the brand's own words start.
    const author = this.users.find((u) => u.id === target.author_id);
    const prefix = author ? `@${author.username} ` : '';
    const p = this.post(BRAND, prefix + text, 0, {
      conversation_id: target.conversation_id,
      in_reply_to_user_id: target.author_id,
      referenced_tweets: [{ type: 'replied_to', id: target.id }],
      display_text_range: [[...prefix].length, [...prefix].length + [...xEscape(text)].length],
    } as Partial<TweetV2>);
    this.submitted.set(p.id, xEscape(text));
    const shift = prefix.length;
    if (urls.length)
      p.entities = {
        ...p.entities,
        urls: urls.map((u) => ({ ...u, start: u.start + shift, end: u.end + shift })),
      } as TweetV2['entities'];
    return { status: 201, body: { data: { id: p.id, text: p.text, edit_history_tweet_ids: [p.id] } } };
  }

  private createDm(participantId: string, text: string): FakeResponse {
    const customer = this.users.find((u) => u.id === participantId);
    if (!customer || !this.dmEvents.some((e) => e.sender_id === participantId)) return DM_REFUSED;
    const e = this.dm(BRAND, text, 0, customer);
    return { status: 201, body: { data: { dm_conversation_id: e.dm_conversation_id, dm_event_id: e.id } } };
  }
}

/** The adapter's search query, as X would apply it: (a OR "b c") -from:id -@handle ... */
function matchesSearch(post: TweetV2, query: string): boolean {
  const terms = (query.match(/^\(([^)]*)\)/)?.[1] ?? '').split(' OR ').map((t) => t.replace(/"/g, '').toLowerCase());
  const notFrom = [...query.matchAll(/-from:(\d+)/g)].map((m) => m[1]);
  const notMentioning = [...query.matchAll(/-@(\w+)/g)].map((m) => m[1].toLowerCase());
  return (
    terms.some((t) => post.text.toLowerCase().includes(t)) &&
    !notFrom.includes(post.author_id!) &&
    !(post.entities?.mentions ?? []).some((m) => notMentioning.includes(m.username.toLowerCase()))
  );
}
