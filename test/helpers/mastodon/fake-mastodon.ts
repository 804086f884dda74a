import { escapeUTF8 } from 'entities';

/** Someone on the fake fediverse. `acct` is `username` on the brand's instance, `username@domain` elsewhere. */
export interface MastoAccount {
  id: string;
  username: string;
  acct: string;
  display_name: string;
  bot?: boolean;
}

/** A reply the handler gives: status, JSON body, extra headers. */
export interface MastoReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A request after it passed the contract. */
export interface MastoCall {
  operationId: string;
  params: Record<string, string>;
  query: Record<string, string | string[]>;
  body: any;
  headers: Record<string, string | undefined>;
}

const T0 = '2024-01-01T00:00:00.000Z';
const DOMAIN = 'mastodon.example';

/** Escapes text into Mastodon's HTML, with each @mention as the span Mastodon renders. */
function render(text: string, mentions: Array<{ acct: string; username: string; url: string }>): string {
  let html = escapeUTF8(text).replace(/\n/g, '<br />');
  for (const m of mentions) {
    html = html
      .split(`@${m.acct}`)
      .join(
        `<span class="h-card" translate="no"><a href="${m.url}" class="u-url mention">@<span>${m.username}</span></a></span>`,
      );
  }
  return `<p>${html}</p>`;
}

/**
 * A small Mastodon instance: accounts, statuses (HTML content, visibility, content warnings),
 * notifications paged by max_id / since_id / min_id as Mastodon pages them, Idempotency-Key on
 * POST /api/v1/statuses (same key, same status), X-RateLimit-* headers (300 per 5 minutes),
 * configuration.statuses.max_characters, and a user stream fed with every new mention.
 */
export class FakeMastodon {
  readonly brand: MastoAccount = { id: '1', username: 'lumora', acct: 'lumora', display_name: 'Lumora', bot: true };
  readonly accounts = new Map<string, MastoAccount>([['1', this.brand]]);
  readonly statuses: any[] = [];
  readonly notifications: any[] = [];
  token = 'mastodon-test-token-1234';
  maxCharacters = 500;
  /** Requests left in the 5-minute window, and when it resets. */
  remaining = 300;
  resetMs: number;
  streamingUrl = '';
  private seq = 0;
  private readonly idempotent = new Map<string, any>();
  private readonly failures = new Map<string, Array<{ reply: MastoReply; afterEffect: boolean }>>();
  /** Status ids of the mentions the stream sent to a subscriber. */
  readonly streamed: string[] = [];
  /** Called with each new mention notification (the fake stream sends it to subscribers). */
  onNotification: (n: any) => void = () => undefined;

  constructor(readonly now: () => Date) {
    this.resetMs = now().getTime() + 300_000;
  }

  private nextId(at: Date): string {
    // Mastodon ids are snowflake-like: milliseconds in the high bits, so newer is larger.
    return ((BigInt(at.getTime()) << 16n) + BigInt(this.seq++ % 65536)).toString();
  }

  account(username: string, domain?: string, o: Partial<MastoAccount> = {}): MastoAccount {
    const a: MastoAccount = {
      id: String(100 + this.accounts.size),
      username,
      acct: domain ? `${username}@${domain}` : username,
      display_name: o.display_name ?? username,
      ...o,
    };
    this.accounts.set(a.id, a);
    return a;
  }

  private accountJson(a: MastoAccount) {
    const url = `https://${a.acct.includes('@') ? a.acct.split('@')[1] : DOMAIN}/@${a.username}`;
    return {
      id: a.id,
      username: a.username,
      acct: a.acct,
      display_name: a.display_name,
      locked: false,
      bot: a.bot ?? false,
      group: false,
      indexable: true,
      created_at: T0,
      note: '',
      url,
      uri: url,
      avatar: `${url}/avatar.png`,
      avatar_static: `${url}/avatar.png`,
      header: `${url}/header.png`,
      header_static: `${url}/header.png`,
      followers_count: 0,
      following_count: 0,
      statuses_count: 0,
      emojis: [],
      fields: [],
    };
  }

  private mentionJson(a: MastoAccount) {
    return { id: a.id, username: a.username, acct: a.acct, url: this.accountJson(a).url };
  }

  private makeStatus(
    author: MastoAccount,
    text: string,
    o: { visibility?: string; spoilerText?: string; inReplyTo?: any; at?: Date; tags?: string[] },
  ) {
    const at = o.at ?? this.now();
    const id = this.nextId(at);
    const mentioned = [...this.accounts.values()].filter((a) =>
      new RegExp(`(^|[^\\w/])@${a.acct.replace(/[.]/g, '\\.')}(?![\\w@])`).test(text),
    );
    const url = `https://${DOMAIN}/@${author.acct}/${id}`;
    const status = {
      id,
      uri: url,
      url,
      created_at: at.toISOString(),
      account: this.accountJson(author),
      content: render(
        text,
        mentioned.map((m) => this.mentionJson(m)),
      ),
      visibility: o.visibility ?? 'public',
      sensitive: Boolean(o.spoilerText),
      spoiler_text: o.spoilerText ?? '',
      media_attachments: [],
      mentions: mentioned.map((m) => this.mentionJson(m)),
      tags: (o.tags ?? []).map((t) => ({ name: t, url: `https://${DOMAIN}/tags/${t}` })),
      emojis: [],
      reblogs_count: 0,
      favourites_count: 0,
      replies_count: 0,
      in_reply_to_id: o.inReplyTo?.id ?? null,
      in_reply_to_account_id: o.inReplyTo?.account.id ?? null,
      reblog: null,
      language: 'en',
      edited_at: null,
      // Kept for the test, not sent: what the author typed.
      _text: text,
    };
    this.statuses.push(status);
    return status;
  }

  /** `author` posts `text` `minutesAgo`; the brand gets a mention notification when the text names @lumora. */
  post(
    author: MastoAccount,
    text: string,
    minutesAgo = 0,
    o: { visibility?: string; spoilerText?: string; inReplyTo?: any; tags?: string[] } = {},
  ) {
    const at = new Date(this.now().getTime() - minutesAgo * 60_000);
    const status = this.makeStatus(author, text, { ...o, at });
    if (status.mentions.some((m) => m.id === this.brand.id)) {
      const n = {
        id: this.nextId(at),
        type: 'mention',
        created_at: at.toISOString(),
        account: status.account,
        status: this.wire(status),
        group_key: `ungrouped-${this.seq}`,
      };
      this.notifications.push(n);
      this.onNotification(n);
    }
    return status;
  }

  /** The brand's statuses, oldest first. */
  brandStatuses(): any[] {
    return this.statuses.filter((s) => s.account.id === this.brand.id);
  }

  failNext(operationId: string, reply: MastoReply, o: { afterEffect?: boolean } = {}): void {
    const queue = this.failures.get(operationId) ?? [];
    queue.push({ reply, afterEffect: o.afterEffect ?? false });
    this.failures.set(operationId, queue);
  }

  /** Headers with every answer: the window of 300 requests per 5 minutes. */
  rateHeaders(): Record<string, string> {
    const nowMs = this.now().getTime();
    if (nowMs >= this.resetMs) {
      this.remaining = 300;
      this.resetMs = nowMs + 300_000;
    }
    return {
      'x-ratelimit-limit': '300',
      'x-ratelimit-remaining': String(Math.max(0, this.remaining)),
      'x-ratelimit-reset': new Date(this.resetMs).toISOString(),
    };
  }

  private wire(s: any) {
    const { _text, ...rest } = s;
    return rest;
  }

  handle(call: MastoCall): MastoReply {
    if (call.headers.authorization !== `Bearer ${this.token}`)
      return { status: 401, body: { error: 'The access token is invalid' } };
    this.rateHeaders();
    if (this.remaining <= 0) return { status: 429, body: { error: 'Too many requests' } };
    this.remaining--;
    const queued = this.failures.get(call.operationId)?.shift();
    if (queued && !queued.afterEffect) return queued.reply;
    const reply = this.dispatch(call);
    return queued && reply.status < 300 ? queued.reply : reply;
  }

  private dispatch(call: MastoCall): MastoReply {
    const { operationId: op, params, query, body } = call;
    switch (op) {
      case 'getInstanceV2':
        return { status: 200, body: this.instance() };
      case 'getAccountsVerifyCredentials':
        return {
          status: 200,
          body: {
            ...this.accountJson(this.brand),
            source: {
              privacy: 'public',
              sensitive: false,
              language: 'en',
              note: '',
              fields: [],
              follow_requests_count: 0,
              indexable: true,
              hide_collections: false,
              discoverable: true,
              attribution_domains: [],
              quote_policy: 'public',
            },
            role: { id: '-99', name: '', permissions: '0', color: '', highlighted: false },
          },
        };
      case 'getNotifications':
        return {
          status: 200,
          body: this.page(
            this.notifications.filter((n) => !query.types || [query.types].flat().includes(n.type)),
            query,
          ),
        };
      case 'getStatus': {
        const s = this.statuses.find((x) => x.id === params.id);
        return s ? { status: 200, body: this.wire(s) } : { status: 404, body: { error: 'Record not found' } };
      }
      case 'getStatusContext': {
        const s = this.statuses.find((x) => x.id === params.id);
        if (!s) return { status: 404, body: { error: 'Record not found' } };
        return {
          status: 200,
          body: {
            ancestors: [],
            descendants: this.statuses.filter((x) => x.in_reply_to_id === s.id).map((x) => this.wire(x)),
          },
        };
      }
      case 'getAccountStatuses':
        return {
          status: 200,
          body: this.page(
            this.statuses.filter((x) => x.account.id === params.id),
            query,
          ).map((x: any) => this.wire(x)),
        };
      case 'getTimelinesTagByHashtag': {
        const tag = params.hashtag.toLowerCase();
        return {
          status: 200,
          body: this.page(
            this.statuses.filter(
              (x) => x.visibility === 'public' && x.tags.some((t: any) => t.name.toLowerCase() === tag),
            ),
            query,
          ).map((x: any) => this.wire(x)),
        };
      }
      case 'createStatus':
        return this.createStatus(body, call.headers['idempotency-key']);
      default:
        return { status: 404, body: { error: `${op} is not faked` } };
    }
  }

  private createStatus(body: any, key: string | undefined): MastoReply {
    if (key && this.idempotent.has(key)) return { status: 200, body: this.wire(this.idempotent.get(key)) };
    const text = String(body.status ?? '');
    const countable = text.replace(/https?:\/\/\S+/g, 'x'.repeat(23)).replace(/@(\w+)@[\w.-]+\w/g, '@$1');
    const length =
      [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(countable)].length +
      [...(body.spoiler_text ?? '')].length;
    if (length > this.maxCharacters)
      return {
        status: 422,
        body: { error: `Validation failed: Text character limit of ${this.maxCharacters} exceeded` },
      };
    const inReplyTo = body.in_reply_to_id ? this.statuses.find((s) => s.id === body.in_reply_to_id) : undefined;
    if (body.in_reply_to_id && !inReplyTo) return { status: 404, body: { error: 'Record not found' } };
    const status = this.makeStatus(this.brand, text, {
      visibility: body.visibility,
      spoilerText: body.spoiler_text,
      inReplyTo,
    });
    if (key) this.idempotent.set(key, status);
    return { status: 200, body: this.wire(status) };
  }

  // Mastodon's paging: newest first; max_id: older than; since_id: newer than (newest page); min_id: the page right after.
  private page<T extends { id: string }>(items: T[], query: Record<string, string | string[]>): T[] {
    const cmp = (a: string, b: string) => (a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0);
    const limit = Math.min(Number(query.limit ?? 20), 80);
    let sorted = [...items].sort((a, b) => cmp(b.id, a.id));
    if (query.max_id) sorted = sorted.filter((x) => cmp(x.id, String(query.max_id)) < 0);
    if (query.since_id) sorted = sorted.filter((x) => cmp(x.id, String(query.since_id)) > 0);
    if (query.min_id) return sorted.filter((x) => cmp(x.id, String(query.min_id)) > 0).slice(-limit);
    return sorted.slice(0, limit);
  }

  private instance() {
    return {
      domain: DOMAIN,
      title: 'Mastodon Example',
      version: '4.5.0',
      source_url: 'https://github.com/mastodon/mastodon',
      description: 'A test instance',
      usage: { users: { active_month: 10 } },
      thumbnail: { url: `https://${DOMAIN}/thumb.png` },
      icon: [],
      languages: ['en'],
      configuration: {
        urls: { streaming: this.streamingUrl },
        accounts: { max_featured_tags: 10, max_pinned_statuses: 5 },
        statuses: { max_characters: this.maxCharacters, max_media_attachments: 4, characters_reserved_per_url: 23 },
        media_attachments: {
          supported_mime_types: ['image/png'],
          image_size_limit: 16777216,
          image_matrix_limit: 33177600,
          video_size_limit: 103809024,
          video_frame_rate_limit: 120,
          video_matrix_limit: 8294400,
        },
        polls: { max_options: 4, max_characters_per_option: 50, min_expiration: 300, max_expiration: 2629746 },
        translation: { enabled: false },
      },
      registrations: { enabled: false, approval_required: false, message: null },
      contact: { email: `admin@${DOMAIN}` },
      rules: [],
      api_versions: { mastodon: 6 },
    };
  }
}
