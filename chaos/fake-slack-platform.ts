import { type FakeHttpRequest, type FakeHttpResponse, type LocalServer, startLocalServer } from './local-http';
import type { Faults } from './storm-schedule';

/** A message as the fake Slack stores it. */
export interface SlackStoredMessage {
  ts: string;
  channel: string;
  user: string;
  bot_id?: string;
  text: string;
  blocks?: Array<{ block_id?: string; [k: string]: unknown }>;
  thread_ts?: string;
  reply_count?: number;
  latest_reply?: string;
  /** Harness bookkeeping (not served): when it was posted, and all its text for searching. */
  atMs: number;
  searchable: string;
  byBot: boolean;
}

/** Slack's rate tiers, in requests per minute (api.slack.com/apis/rate-limits). */
const TIER = { t1: 1, t2: 20, t3: 50, t4: 100 } as const;
/** Methods the bot may call and their tier; chat.postMessage has its own limit (about 1 per second per channel). */
const METHOD_TIER: Record<string, number> = {
  'auth.test': TIER.t4,
  'chat.update': TIER.t3,
  'conversations.history': TIER.t3,
  'conversations.replies': TIER.t3,
  'conversations.members': TIER.t4,
  'conversations.open': TIER.t3,
  'conversations.info': TIER.t3,
  'usergroups.users.list': TIER.t2,
  'chat.getPermalink': TIER.t4,
  'chat.postEphemeral': TIER.t4,
  'views.open': TIER.t4,
  'views.publish': TIER.t4,
  'views.update': TIER.t4,
  'users.info': TIER.t4,
  'files.getUploadURLExternal': TIER.t4,
  'files.completeUploadExternal': TIER.t4,
  'chat.delete': TIER.t3,
  'reactions.add': TIER.t3,
};

export interface FakeSlackOptions {
  faults: Faults;
  token: string;
  channelId: string;
  /** Scales Slack's one-minute windows and Retry-After (1: Slack's real limits). */
  windowScale: number;
  /**
   * Requests per minute for conversations.history and .replies: 50 (Tier 3) for Marketplace apps;
   * Slack allows far less for apps outside the Marketplace.
   */
  historyPerMinute: number;
  /** Called for every accepted chat.postMessage (the harness may kill the bot right then). */
  onPost?: () => void;
}

export const BOT_USER = 'U0CHAOSBOT';
const BOT_ID = 'B0CHAOSBOT';
const STAFF = 'U0CHAOSSTAFF';

/**
 * A fake Slack Web API from Slack's documentation: chat.postMessage (threads, blocks with block ids),
 * chat.update, conversations.history (newest first) and conversations.replies (parent, then replies
 * oldest first) with cursors and limits, per-method tier limits and chat.postMessage's one per second
 * per channel, answered with 429 and Retry-After. Methods it does not know answer `unknown_method`
 * and are counted.
 */
export class FakeSlackPlatform {
  /** Top-level messages per channel, oldest first. */
  readonly channels = new Map<string, SlackStoredMessage[]>();
  /** Replies per thread (key channel/thread_ts), oldest first. */
  readonly threads = new Map<string, SlackStoredMessage[]>();
  /** Every message the bot got accepted (chat.postMessage), in order. */
  readonly botPosts: SlackStoredMessage[] = [];
  readonly calls = new Map<string, number>();
  readonly statuses = new Map<string, number>();
  readonly unknown = new Map<string, number>();
  /** conversations.history/replies calls per minute of the run, for the peak figure. */
  readonly readsPerMinute = new Map<string, number>();
  private readonly windows = new Map<string, number[]>();
  private readonly postTokens = new Map<string, { tokens: number; at: number }>();
  private lastTs = 0;
  private paddedFor = new Set<string>();
  private tick?: NodeJS.Timeout;
  private server?: LocalServer;

  constructor(private readonly o: FakeSlackOptions) {}

  get url(): string {
    return `${this.server!.url}/api`;
  }

  async start(): Promise<void> {
    this.server = await startLocalServer((req) => this.handle(req));
    // The long-thread storm begins by filling the busy thread, whether or not the bot is calling.
    this.tick = setInterval(() => {
      const thread = this.o.faults.active('slack-long-thread');
      if (thread) this.padLongThread(`${thread.startMs}`);
    }, 200);
  }

  async stop(): Promise<void> {
    clearInterval(this.tick);
    await this.server?.close();
  }

  private nextTs(): string {
    const micros = Math.max(Date.now() * 1000, this.lastTs + 1);
    this.lastTs = micros;
    return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
  }

  private count(map: Map<string, number>, key: string): void {
    map.set(key, (map.get(key) ?? 0) + 1);
  }

  private handle(req: FakeHttpRequest): FakeHttpResponse {
    const method = req.path.replace(/^\/api\//, '');
    this.count(this.calls, method);
    const answer = this.answer(method, req);
    this.count(
      this.statuses,
      `${method} ${answer.status}${answer.status === 200 && (answer.body as { ok?: boolean })?.ok === false ? ` ${(answer.body as { error: string }).error}` : ''}`,
    );
    return answer;
  }

  private answer(method: string, req: FakeHttpRequest): FakeHttpResponse {
    const args = { ...req.query, ...req.body } as Record<string, any>;
    const auth = String(req.headers.authorization ?? '').replace(/^Bearer\s+/, '') || args.token;
    if (auth !== this.o.token) return ok({ ok: false, error: 'invalid_auth' });
    if (!(method in METHOD_TIER) && method !== 'chat.postMessage') {
      this.count(this.unknown, method);
      return ok({ ok: false, error: 'unknown_method' });
    }
    const f = this.o.faults;
    const limited = f.active('slack-429');
    if (limited) return tooMany(Math.max(1, Math.min(30, Math.ceil((f.endsAt(limited) - Date.now()) / 1000))));
    if (f.active('slack-500')) return { status: 500, body: { ok: false, error: 'internal_error' } };
    const thread = f.active('slack-long-thread');
    const wait = this.rateLimit(method, args.channel);
    if (wait) return tooMany(wait);
    if (method === 'conversations.history' || method === 'conversations.replies')
      this.count(this.readsPerMinute, String(Math.floor(f.elapsed() / 60_000)));
    switch (method) {
      case 'auth.test':
        return ok({
          ok: true,
          url: 'https://chaos-desk.slack.com/',
          team: 'Chaos Desk',
          user: 'mention-desk',
          team_id: 'T0CHAOS',
          user_id: BOT_USER,
          bot_id: BOT_ID,
          is_enterprise_install: false,
        });
      case 'chat.postMessage': {
        const done = this.postMessage(args);
        const failAfter = f.active('slack-posted-500') || (thread && this.botPosts.length % 3 === 0);
        if (done.status === 200 && failAfter) return { status: 500, body: { ok: false, error: 'internal_error' } };
        return done;
      }
      case 'chat.update':
        return this.update(args);
      case 'conversations.history':
        return this.history(args);
      case 'conversations.replies':
        return this.replies(args);
      case 'conversations.members':
        return ok({ ok: true, members: [BOT_USER, STAFF], response_metadata: { next_cursor: '' } });
      case 'conversations.open':
        return ok({
          ok: true,
          channel: {
            id: `D${String(args.users ?? 'X')
              .replace(/\W/g, '')
              .slice(0, 10)}`,
          },
        });
      case 'conversations.info':
        return ok({ ok: true, channel: { id: args.channel, name: 'care-desk', is_channel: true, is_member: true } });
      case 'usergroups.users.list':
        return ok({ ok: true, users: [STAFF] });
      case 'chat.getPermalink':
        return ok({
          ok: true,
          channel: args.channel,
          permalink: `https://chaos-desk.slack.com/archives/${args.channel}/p${String(args.message_ts).replace('.', '')}`,
        });
      case 'users.info':
        return ok({ ok: true, user: { id: args.user, name: 'staff', real_name: 'Staff Member', tz: 'UTC' } });
      default:
        return ok({ ok: true });
    }
  }

  /** Slack's windows: tier requests per (scaled) minute per method; postMessage one per second per channel, small bursts. */
  private rateLimit(method: string, channel: string | undefined): number | undefined {
    const scale = this.o.windowScale;
    const now = Date.now();
    if (method === 'chat.postMessage') {
      const key = channel ?? '?';
      const perMs = 1 / (1000 * scale);
      const b = this.postTokens.get(key) ?? { tokens: 3, at: now };
      b.tokens = Math.min(3, b.tokens + (now - b.at) * perMs);
      b.at = now;
      this.postTokens.set(key, b);
      if (b.tokens < 1) return Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000));
      b.tokens -= 1;
      return undefined;
    }
    const perMinute =
      method === 'conversations.history' || method === 'conversations.replies'
        ? this.o.historyPerMinute
        : METHOD_TIER[method];
    const windowMs = 60_000 * scale;
    const list = (this.windows.get(method) ?? []).filter((t) => t > now - windowMs);
    this.windows.set(method, list);
    if (list.length >= perMinute) return Math.max(1, Math.ceil((list[0] + windowMs - now) / 1000));
    list.push(now);
    return undefined;
  }

  private store(channel: string, m: SlackStoredMessage): void {
    if (m.thread_ts && m.thread_ts !== m.ts) {
      const key = `${channel}/${m.thread_ts}`;
      const replies = this.threads.get(key) ?? [];
      replies.push(m);
      this.threads.set(key, replies);
      const parent = this.channels.get(channel)?.find((p) => p.ts === m.thread_ts);
      if (parent) {
        parent.reply_count = replies.length;
        parent.latest_reply = m.ts;
        parent.thread_ts = parent.ts;
      }
    } else {
      const list = this.channels.get(channel) ?? [];
      list.push(m);
      this.channels.set(channel, list);
    }
  }

  private postMessage(args: Record<string, any>): FakeHttpResponse {
    if (!args.channel) return ok({ ok: false, error: 'channel_not_found' });
    const blocks = parseBlocks(args.blocks);
    if (blocks === null) return ok({ ok: false, error: 'invalid_blocks' });
    if (!args.text && !blocks?.length) return ok({ ok: false, error: 'no_text' });
    if (args.thread_ts && !this.channels.get(args.channel)?.some((p) => p.ts === args.thread_ts)) {
      return ok({ ok: false, error: 'thread_not_found' });
    }
    const ts = this.nextTs();
    const m: SlackStoredMessage = {
      ts,
      channel: args.channel,
      user: BOT_USER,
      bot_id: BOT_ID,
      text: String(args.text ?? ''),
      ...(blocks ? { blocks } : {}),
      ...(args.thread_ts ? { thread_ts: String(args.thread_ts) } : {}),
      atMs: Date.now(),
      searchable: `${args.text ?? ''} ${blocks ? JSON.stringify(blocks) : ''}`,
      byBot: true,
    };
    this.store(args.channel, m);
    this.botPosts.push(m);
    this.o.onPost?.();
    return ok({ ok: true, channel: args.channel, ts, message: served(m) });
  }

  private update(args: Record<string, any>): FakeHttpResponse {
    const all = [
      ...(this.channels.get(args.channel) ?? []),
      ...[...this.threads.values()].flat().filter((m) => m.channel === args.channel),
    ];
    const m = all.find((x) => x.ts === args.ts);
    if (!m) return ok({ ok: false, error: 'message_not_found' });
    const blocks = parseBlocks(args.blocks);
    if (blocks === null) return ok({ ok: false, error: 'invalid_blocks' });
    if (args.text !== undefined) m.text = String(args.text);
    if (blocks) m.blocks = blocks;
    return ok({ ok: true, channel: args.channel, ts: args.ts, text: m.text });
  }

  private page(list: SlackStoredMessage[], args: Record<string, any>): { items: SlackStoredMessage[]; next?: string } {
    const limit = Math.min(Math.max(Number(args.limit ?? 100) || 100, 1), 999);
    const offset = args.cursor
      ? Number(Buffer.from(String(args.cursor), 'base64').toString().replace('offset:', ''))
      : 0;
    const items = list.slice(offset, offset + limit);
    return {
      items,
      next: offset + limit < list.length ? Buffer.from(`offset:${offset + limit}`).toString('base64') : undefined,
    };
  }

  private inRange(m: SlackStoredMessage, args: Record<string, any>): boolean {
    const ts = Number(m.ts);
    const inclusive = args.inclusive === true || args.inclusive === 'true' || args.inclusive === '1';
    if (args.oldest && (inclusive ? ts < Number(args.oldest) : ts <= Number(args.oldest))) return false;
    if (args.latest && (inclusive ? ts > Number(args.latest) : ts >= Number(args.latest))) return false;
    return true;
  }

  /** conversations.history: top-level messages, newest first. */
  private history(args: Record<string, any>): FakeHttpResponse {
    const list = (this.channels.get(args.channel) ?? []).filter((m) => this.inRange(m, args)).reverse();
    const { items, next } = this.page(list, args);
    return ok({
      ok: true,
      messages: items.map(served),
      has_more: !!next,
      response_metadata: { next_cursor: next ?? '' },
    });
  }

  /** conversations.replies: the parent, then its replies oldest first. */
  private replies(args: Record<string, any>): FakeHttpResponse {
    const parent = this.channels.get(args.channel)?.find((m) => m.ts === args.ts);
    if (!parent) return ok({ ok: false, error: 'thread_not_found' });
    const list = [parent, ...(this.threads.get(`${args.channel}/${args.ts}`) ?? [])].filter(
      (m) => m === parent || this.inRange(m, args),
    );
    const { items, next } = this.page(list, args);
    return ok({
      ok: true,
      messages: items.map(served),
      has_more: !!next,
      response_metadata: { next_cursor: next ?? '' },
    });
  }

  /**
   * A busy thread: the newest thread the bot posts into gets 2,100 replies from the team, and the
   * channel 300 messages, so a marker search that reads oldest first and stops early cannot find what
   * the bot posts next.
   */
  private padLongThread(stormId: string): void {
    if (this.paddedFor.has(stormId)) return;
    const channel = this.o.channelId;
    const lastReply = [...this.botPosts].reverse().find((m) => m.thread_ts && m.thread_ts !== m.ts);
    // Wait for the bot's first thread if it has none yet.
    if (!lastReply) return;
    this.paddedFor.add(stormId);
    const human = (text: string, thread_ts?: string): SlackStoredMessage => {
      const ts = this.nextTs();
      return {
        ts,
        channel,
        user: STAFF,
        text,
        ...(thread_ts ? { thread_ts } : {}),
        atMs: Date.now(),
        searchable: text,
        byBot: false,
      };
    };
    for (let i = 0; i < 2_100; i++) this.store(channel, human(`on it, checking line ${i}`, lastReply.thread_ts));
    for (let i = 0; i < 300; i++) this.store(channel, human(`team chatter ${i}`));
  }

  /** Messages (top level and in threads) the bot posted whose text or blocks contain `needle`. */
  postsContaining(needle: string): SlackStoredMessage[] {
    return this.botPosts.filter((m) => m.searchable.includes(needle));
  }

  /** The longest thread (in replies), for the report. */
  longestThread(): number {
    return Math.max(0, ...[...this.threads.values()].map((t) => t.length));
  }
}

/** Slack takes at most 50 blocks in a message, with block ids unique within it (invalid_blocks otherwise). */
const MAX_BLOCKS = 50;

function parseBlocks(raw: unknown): SlackStoredMessage['blocks'] | undefined | null {
  if (raw === undefined || raw === '') return undefined;
  let parsed: unknown = raw;
  if (!Array.isArray(raw)) {
    try {
      parsed = JSON.parse(String(raw));
    } catch {
      return null;
    }
  }
  if (!Array.isArray(parsed) || parsed.length > MAX_BLOCKS) return null;
  const ids = parsed.map((b) => b?.block_id).filter((id) => id !== undefined);
  return new Set(ids).size === ids.length ? parsed : null;
}

function served(m: SlackStoredMessage) {
  const { atMs, searchable, byBot, channel, ...rest } = m;
  return { type: 'message', ...rest };
}

const ok = (body: unknown): FakeHttpResponse => ({ status: 200, body });
const tooMany = (seconds: number): FakeHttpResponse => ({
  status: 429,
  headers: { 'retry-after': String(seconds) },
  body: { ok: false, error: 'ratelimited' },
});
