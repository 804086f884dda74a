import { cidOf, didFor, tidAt } from './bluesky-ids';

/** Someone on the fake network. */
export interface BskyAccount {
  did: string;
  handle: string;
  displayName?: string;
  /** Their chat setting (Settings, Chat, Allow new messages from); undefined: never chosen. */
  allowIncoming?: 'all' | 'none' | 'following';
  /** Whether they follow the brand. */
  followsBrand?: boolean;
}

/** A post as the fake stores it. */
export interface BskyPost {
  uri: string;
  cid: string;
  author: BskyAccount;
  record: {
    $type: 'app.bsky.feed.post';
    text: string;
    createdAt: string;
    reply?: { root: Ref; parent: Ref };
    facets?: unknown[];
    embed?: unknown;
  };
  indexedAt: string;
}
type Ref = { uri: string; cid: string };

interface Notification {
  uri: string;
  cid: string;
  author: BskyAccount;
  reason: string;
  reasonSubject?: string;
  record: unknown;
  indexedAt: string;
}
interface Message {
  id: string;
  rev: string;
  text: string;
  sender: { did: string };
  sentAt: string;
  facets?: unknown[];
}
interface Convo {
  id: string;
  rev: string;
  members: BskyAccount[];
  messages: Message[];
}

/** What a handler answers: status, JSON body, extra headers. */
export interface XrpcReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A request as the fake server hands it over, already checked against the lexicons. */
export interface XrpcCall {
  nsid: string;
  params: Record<string, unknown>;
  input?: any;
  token?: string;
  proxy?: string;
}

const err = (status: number, error: string, message: string, headers?: Record<string, string>): XrpcReply => ({
  status,
  body: { error, message },
  headers,
});
const CHAT_PROXY = 'did:web:api.bsky.chat#bsky_chat';
/** The AppView's bound on reply notifications: ancestors at height 1..4 of a new post are notified. */
const REPLY_NOTIF_DEPTH = 5;

/**
 * A small Bluesky: one PDS with the brand's account and repository, the AppView's views of posts,
 * profiles, notifications and search, and the chat service behind the atproto-proxy header. Behaves as
 * the services document: app-password sessions with expiring access tokens, a listNotifications
 * cursor that pages back, chat settings that decide who may write first, RateLimit-* headers on every
 * answer, write points (3 a post, WRITE_POINTS an hour).
 */
export class FakeBluesky {
  readonly brand: BskyAccount;
  password = 'abcd-efgh-ijkl-mnop';
  readonly posts: BskyPost[] = [];
  readonly notifications: Notification[] = [];
  readonly convos = new Map<string, Convo>();
  readonly log: Array<{ rev: string; convoId: string; message: Message }> = [];
  /** Access tokens and when they expire; refresh tokens still valid. */
  private readonly access = new Map<string, number>();
  private readonly refresh = new Set<string>();
  private seq = 0;
  private readonly failures = new Map<string, Array<{ reply: XrpcReply; afterEffect: boolean }>>();
  /** Write points left in the hour, and when the hour resets. */
  writePoints = 5000;
  writeResetMs: number;
  accessLifetimeMs = 2 * 3_600_000;

  constructor(
    readonly now: () => Date,
    brandHandle = 'lumora.bsky.social',
  ) {
    this.brand = { did: didFor(brandHandle), handle: brandHandle, displayName: 'Lumora', allowIncoming: 'all' };
    this.writeResetMs = now().getTime() + 3_600_000;
  }

  account(handle: string, o: Partial<BskyAccount> = {}): BskyAccount {
    return { did: didFor(handle), handle, displayName: o.displayName ?? handle.split('.')[0], ...o };
  }

  private nextTid(at: Date): string {
    return tidAt(at, this.seq++);
  }

  /**
   * `author` posts `text` `minutesAgo`; the brand is notified when the text @mentions it (with a mention
   * facet, as the official app writes it), when it quotes a brand post, or replies under one (the parent
   * or up to three levels above it).
   */
  post(author: BskyAccount, text: string, minutesAgo = 0, o: { replyTo?: BskyPost; quote?: BskyPost } = {}): BskyPost {
    const at = new Date(this.now().getTime() - minutesAgo * 60_000);
    const uri = `at://${author.did}/app.bsky.feed.post/${this.nextTid(at)}`;
    const record: BskyPost['record'] = { $type: 'app.bsky.feed.post', text, createdAt: at.toISOString() };
    const tag = `@${this.brand.handle}`;
    const start = text.indexOf(tag);
    if (start >= 0) {
      const byteStart = Buffer.byteLength(text.slice(0, start));
      record.facets = [
        {
          index: { byteStart, byteEnd: byteStart + Buffer.byteLength(tag) },
          features: [{ $type: 'app.bsky.richtext.facet#mention', did: this.brand.did }],
        },
      ];
    }
    if (o.replyTo)
      record.reply = {
        root: o.replyTo.record.reply?.root ?? { uri: o.replyTo.uri, cid: o.replyTo.cid },
        parent: { uri: o.replyTo.uri, cid: o.replyTo.cid },
      };
    if (o.quote) record.embed = { $type: 'app.bsky.embed.record', record: { uri: o.quote.uri, cid: o.quote.cid } };
    const post: BskyPost = { uri, cid: cidOf(uri + text), author, record, indexedAt: at.toISOString() };
    this.posts.push(post);
    // The AppView notifies each account once, in this order: a mention facet, a quote, then a reply to
    // any of the post's ancestors fewer than REPLY_NOTIF_DEPTH (5) levels up (reasonSubject: that post).
    const brandAncestor = o.replyTo && this.ancestors(o.replyTo).find((p) => p.author.did === this.brand.did);
    const reason =
      start >= 0 ? 'mention' : o.quote?.author.did === this.brand.did ? 'quote' : brandAncestor ? 'reply' : undefined;
    if (reason && author.did !== this.brand.did) {
      this.notifications.push({
        uri,
        cid: post.cid,
        author,
        reason,
        record,
        indexedAt: post.indexedAt,
        ...(reason !== 'mention' ? { reasonSubject: (reason === 'quote' ? o.quote : brandAncestor)!.uri } : {}),
      });
    }
    return post;
  }

  /** `parent` and the posts above it, nearest first, as far as the AppView notifies replies (4 levels). */
  private ancestors(parent: BskyPost): BskyPost[] {
    const chain: BskyPost[] = [];
    for (let p: BskyPost | undefined = parent; p && chain.length < REPLY_NOTIF_DEPTH - 1; ) {
      chain.push(p);
      const up: string | undefined = p.record.reply?.parent.uri;
      p = up ? this.posts.find((x) => x.uri === up) : undefined;
    }
    return chain;
  }

  /** `from` writes the brand a chat message (opening the conversation if needed). */
  message(from: BskyAccount, text: string, minutesAgo = 0): Message {
    const convo = this.convoWith(from);
    return this.addMessage(convo, from.did, text, new Date(this.now().getTime() - minutesAgo * 60_000));
  }

  /** The brand's replies (posts in its repository), oldest first. */
  brandPosts(): BskyPost[] {
    return this.posts.filter((p) => p.author.did === this.brand.did);
  }

  /** Messages the brand sent, across conversations. */
  brandMessages(): Array<Message & { convoId: string }> {
    return this.log
      .filter((l) => l.message.sender.did === this.brand.did)
      .map((l) => ({ ...l.message, convoId: l.convoId }));
  }

  /** Every access token expires now (the client must refresh). */
  expireAccessTokens(): void {
    for (const token of this.access.keys()) this.access.set(token, 0);
  }

  /** The app password is revoked: its sessions end, it no longer logs in. */
  revokeAppPassword(): void {
    this.password = 'revoked';
    this.access.clear();
    this.refresh.clear();
  }

  /** The next call(s) of `nsid` answer `reply`; `afterEffect`: the call does its work first (an answer lost after the post was made). */
  failNext(nsid: string, reply: XrpcReply, o: { times?: number; afterEffect?: boolean } = {}): void {
    const queue = this.failures.get(nsid) ?? [];
    for (let i = 0; i < (o.times ?? 1); i++) queue.push({ reply, afterEffect: o.afterEffect ?? false });
    this.failures.set(nsid, queue);
  }

  /** Headers Bluesky sends with every answer. */
  rateHeaders(nsid: string): Record<string, string> {
    const nowMs = this.now().getTime();
    if (nowMs >= this.writeResetMs) {
      this.writePoints = 5000;
      this.writeResetMs = nowMs + 3_600_000;
    }
    if (nsid === 'com.atproto.repo.createRecord') {
      return {
        'ratelimit-limit': '5000',
        'ratelimit-remaining': String(Math.max(0, this.writePoints)),
        'ratelimit-reset': String(Math.ceil(this.writeResetMs / 1000)),
        'ratelimit-policy': '5000;w=3600',
      };
    }
    return {
      'ratelimit-limit': '3000',
      'ratelimit-remaining': '2999',
      'ratelimit-reset': String(Math.ceil(nowMs / 1000) + 300),
      'ratelimit-policy': '3000;w=300',
    };
  }

  handle(call: XrpcCall): XrpcReply {
    const queued = this.failures.get(call.nsid)?.shift();
    if (queued && !queued.afterEffect) return queued.reply;
    const reply = this.dispatch(call);
    return queued && reply.status < 300 ? queued.reply : reply;
  }

  private dispatch(call: XrpcCall): XrpcReply {
    const { nsid, params: p, input } = call;
    if (nsid === 'com.atproto.server.createSession') {
      if (input.identifier !== this.brand.handle || input.password !== this.password)
        return err(401, 'AuthenticationRequired', 'Invalid identifier or password');
      return { status: 200, body: this.session() };
    }
    if (nsid === 'com.atproto.server.refreshSession') {
      if (!call.token || !this.refresh.has(call.token)) return err(400, 'ExpiredToken', 'Token has been revoked');
      this.refresh.delete(call.token);
      return { status: 200, body: this.session() };
    }
    const expires = call.token ? this.access.get(call.token) : undefined;
    if (expires === undefined) return err(401, 'AuthenticationRequired', 'Authentication Required');
    if (expires <= this.now().getTime()) return err(400, 'ExpiredToken', 'Token has expired');
    if (nsid.startsWith('chat.bsky.') && call.proxy !== CHAT_PROXY)
      return err(404, 'XRPCNotSupported', `${nsid} is served by the chat service: send atproto-proxy: ${CHAT_PROXY}`);
    switch (nsid) {
      case 'app.bsky.notification.listNotifications':
        return this.listNotifications(p);
      case 'app.bsky.actor.getProfiles':
        return {
          status: 200,
          body: {
            profiles: (p.actors as string[])
              .map((a) => this.find(a))
              .filter(Boolean)
              .map((a) => this.profile(a!)),
          },
        };
      case 'app.bsky.actor.getProfile': {
        const a = this.find(String(p.actor));
        return a ? { status: 200, body: this.profile(a) } : err(400, 'InvalidRequest', 'Profile not found');
      }
      case 'app.bsky.feed.searchPosts':
        return this.search(p);
      case 'app.bsky.feed.getPosts':
        return {
          status: 200,
          body: {
            posts: (p.uris as string[])
              .map((u) => this.posts.find((x) => x.uri === u))
              .filter(Boolean)
              .map((x) => this.postView(x!)),
          },
        };
      case 'com.atproto.repo.createRecord':
        return this.createRecord(input);
      case 'com.atproto.repo.listRecords':
        return this.listRecords(p);
      case 'chat.bsky.convo.getConvoAvailability':
        return this.availability(p.members as string[]);
      case 'chat.bsky.convo.getConvoForMembers':
        return this.convoForMembers(p.members as string[]);
      case 'chat.bsky.convo.sendMessage':
        return this.sendMessage(input);
      case 'chat.bsky.convo.getMessages':
        return this.getMessages(p);
      case 'chat.bsky.convo.getLog':
        return this.getLog(p);
      default:
        return err(501, 'MethodNotImplemented', `${nsid} is not faked`);
    }
  }

  private session() {
    const accessJwt = `access-${this.seq++}`;
    const refreshJwt = `refresh-${this.seq++}`;
    this.access.set(accessJwt, this.now().getTime() + this.accessLifetimeMs);
    this.refresh.add(refreshJwt);
    return { accessJwt, refreshJwt, handle: this.brand.handle, did: this.brand.did, active: true };
  }

  private find(actor: string): BskyAccount | undefined {
    if (actor === this.brand.did || actor === this.brand.handle) return this.brand;
    const post = this.posts.find((p) => p.author.did === actor || p.author.handle === actor);
    const convo = [...this.convos.values()]
      .flatMap((c) => c.members)
      .find((m) => m.did === actor || m.handle === actor);
    return post?.author ?? convo;
  }

  private basic(a: BskyAccount) {
    return {
      did: a.did,
      handle: a.handle,
      ...(a.displayName ? { displayName: a.displayName } : {}),
      ...(a.allowIncoming ? { associated: { chat: { allowIncoming: a.allowIncoming } } } : {}),
    };
  }

  private profile(a: BskyAccount) {
    return {
      ...this.basic(a),
      viewer: a.followsBrand ? { followedBy: `at://${a.did}/app.bsky.graph.follow/${tidAt(this.now())}` } : {},
    };
  }

  private postView(x: BskyPost) {
    return { uri: x.uri, cid: x.cid, author: this.basic(x.author), record: x.record, indexedAt: x.indexedAt };
  }

  private page<T>(items: T[], p: Record<string, unknown>, fallbackLimit: number) {
    const offset = p.cursor ? Number(p.cursor) : 0;
    const limit = Number(p.limit ?? fallbackLimit);
    const slice = items.slice(offset, offset + limit);
    return { slice, ...(offset + limit < items.length ? { cursor: String(offset + limit) } : {}) };
  }

  private listNotifications(p: Record<string, unknown>): XrpcReply {
    const reasons = p.reasons as string[] | undefined;
    const wanted = this.notifications
      .filter((n) => !reasons || reasons.includes(n.reason))
      .sort((a, b) => b.indexedAt.localeCompare(a.indexedAt));
    const { slice, cursor } = this.page(wanted, p, 50);
    return {
      status: 200,
      body: {
        notifications: slice.map((n) => ({ ...n, author: this.basic(n.author), isRead: false })),
        ...(cursor ? { cursor } : {}),
      },
    };
  }

  private search(p: Record<string, unknown>): XrpcReply {
    const q = String(p.q).toLowerCase();
    const hits = this.posts
      .filter((x) => x.record.text.toLowerCase().includes(q) && (!p.since || x.indexedAt >= String(p.since)))
      .sort((a, b) => b.indexedAt.localeCompare(a.indexedAt));
    const { slice, cursor } = this.page(hits, p, 25);
    return { status: 200, body: { posts: slice.map((x) => this.postView(x)), ...(cursor ? { cursor } : {}) } };
  }

  private createRecord(input: any): XrpcReply {
    if (input.repo !== this.brand.did && input.repo !== this.brand.handle)
      return err(400, 'InvalidRequest', 'repo is not yours');
    if (this.writePoints < 3)
      return err(429, 'RateLimitExceeded', 'Rate Limit Exceeded', this.rateHeaders('com.atproto.repo.createRecord'));
    this.writePoints -= 3;
    const at = this.now();
    const uri = `at://${this.brand.did}/app.bsky.feed.post/${this.nextTid(at)}`;
    const post: BskyPost = {
      uri,
      cid: cidOf(uri + input.record.text),
      author: this.brand,
      record: input.record,
      indexedAt: at.toISOString(),
    };
    this.posts.push(post);
    return { status: 200, body: { uri, cid: post.cid, validationStatus: 'valid' } };
  }

  private listRecords(p: Record<string, unknown>): XrpcReply {
    const mine = this.brandPosts().slice().reverse();
    const { slice, cursor } = this.page(mine, p, 50);
    return {
      status: 200,
      body: { records: slice.map((x) => ({ uri: x.uri, cid: x.cid, value: x.record })), ...(cursor ? { cursor } : {}) },
    };
  }

  private convoWith(a: BskyAccount): Convo {
    const existing = [...this.convos.values()].find((c) => c.members.some((m) => m.did === a.did));
    if (existing) return existing;
    const convo: Convo = {
      id: `convo-${this.seq++}`,
      rev: this.nextTid(this.now()),
      members: [this.brand, a],
      messages: [],
    };
    this.convos.set(convo.id, convo);
    return convo;
  }

  private mayWriteFirst(a: BskyAccount): boolean {
    const setting = a.allowIncoming ?? 'following';
    return setting === 'all' || (setting === 'following' && Boolean(a.followsBrand));
  }

  private convoView(c: Convo) {
    return {
      id: c.id,
      rev: c.rev,
      members: c.members.map((m) => ({ did: m.did, handle: m.handle })),
      muted: false,
      unreadCount: 0,
    };
  }

  private other(members: string[]): BskyAccount | undefined {
    return this.find(members.find((m) => m !== this.brand.did) ?? '');
  }

  private availability(members: string[]): XrpcReply {
    const a = this.other(members);
    if (!a) return err(400, 'InvalidRequest', 'unknown member');
    const existing = [...this.convos.values()].find(
      (c) => c.members.some((m) => m.did === a.did) && c.messages.some((m) => m.sender.did === a.did),
    );
    return {
      status: 200,
      body: {
        canChat: Boolean(existing) || this.mayWriteFirst(a),
        ...(existing ? { convo: this.convoView(existing) } : {}),
      },
    };
  }

  private convoForMembers(members: string[]): XrpcReply {
    const a = this.other(members);
    if (!a) return err(400, 'InvalidRequest', 'unknown member');
    const existing = [...this.convos.values()].find((c) => c.members.some((m) => m.did === a.did));
    if (!existing && !this.mayWriteFirst(a))
      return err(400, 'InvalidRequest', 'recipient has disabled incoming messages');
    return { status: 200, body: { convo: this.convoView(existing ?? this.convoWith(a)) } };
  }

  private addMessage(convo: Convo, senderDid: string, text: string, at: Date): Message {
    const rev = this.nextTid(at);
    const message: Message = {
      id: `msg-${this.seq++}`,
      rev,
      text,
      sender: { did: senderDid },
      sentAt: at.toISOString(),
    };
    convo.messages.push(message);
    convo.rev = rev;
    this.log.push({ rev, convoId: convo.id, message });
    this.log.sort((x, y) => x.rev.localeCompare(y.rev));
    return message;
  }

  private sendMessage(input: any): XrpcReply {
    const convo = this.convos.get(input.convoId);
    if (!convo) return err(400, 'InvalidConvo', 'Convo not found');
    const m = this.addMessage(convo, this.brand.did, input.message.text, this.now());
    return { status: 200, body: { $type: 'chat.bsky.convo.defs#messageView', ...m } };
  }

  private getMessages(p: Record<string, unknown>): XrpcReply {
    const convo = this.convos.get(String(p.convoId));
    if (!convo) return err(400, 'InvalidConvo', 'Convo not found');
    const newest = convo.messages
      .slice()
      .reverse()
      .slice(0, Number(p.limit ?? 50));
    return {
      status: 200,
      body: { messages: newest.map((m) => ({ $type: 'chat.bsky.convo.defs#messageView', ...m })) },
    };
  }

  private getLog(p: Record<string, unknown>): XrpcReply {
    const after = p.cursor ? String(p.cursor) : '';
    const logs = this.log.filter((l) => l.rev > after).slice(0, 50);
    const cursor = logs.length ? logs[logs.length - 1].rev : after;
    return {
      status: 200,
      body: {
        logs: logs.map((l) => ({
          $type: 'chat.bsky.convo.defs#logCreateMessage',
          rev: l.rev,
          convoId: l.convoId,
          message: { $type: 'chat.bsky.convo.defs#messageView', ...l.message },
        })),
        ...(cursor ? { cursor } : {}),
      },
    };
  }
}
