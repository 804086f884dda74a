import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import {
  BOT,
  BOT_TOKEN,
  dmChannelOf,
  GUILD_ID,
  guildCreate,
  message,
  SUPPORT,
} from '../test/helpers/discord/discord-fixtures';
import { type FakeHttpRequest, type FakeHttpResponse, type LocalServer, startLocalServer } from './local-http';
import type { Faults } from './storm-schedule';

export { BOT_TOKEN, SUPPORT };

/** A message the bot got Discord to create, with what the harness checks about it. */
export interface DiscordBotMessage {
  id: string;
  channelId: string;
  content: string;
  nonce?: string;
  replyTo?: string;
  /** The member a DM went to (undefined for a message in a server channel). */
  dmTo?: string;
  /** allowed_mentions kept every ping off (parse [] and no users/roles beyond the replied-to author). */
  safe: boolean;
  atMs: number;
}

export interface FakeDiscordOptions {
  faults: Faults;
  /** Requests per route bucket per window (Discord: 5 per 5 s for message creation per channel). */
  routeLimit: number;
  routeWindowMs: number;
  /** Requests per second across all routes (Discord's global limit: 50). */
  globalPerSecond: number;
  /** How long Discord remembers an enforce_nonce nonce ("a few minutes"). */
  nonceMemoryMs: number;
  heartbeatIntervalMs: number;
  /** Called for every accepted message creation by the bot (the harness may kill the bot right then). */
  onCreate?: () => void;
}

type Member = {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: null;
  public_flags: number;
  flags: number;
};

/**
 * A fake Discord from its documentation: REST under /api/v10 (gateway/bot, channels, messages with
 * nonce/enforce_nonce and message_reference, DM channel creation, message history paging) with
 * per-route buckets and X-RateLimit-* headers, a global limit, and a gateway (HELLO, IDENTIFY, READY,
 * GUILD_CREATE, heartbeats, MESSAGE_CREATE, RESUME with replay, RECONNECT, INVALID_SESSION), plus the
 * run's storms: route and global 429, 500, accepted-then-500, a dropped or stalled gateway.
 */
export class FakeDiscordPlatform {
  /** Every channel's messages, oldest first. */
  readonly history = new Map<string, any[]>();
  readonly botMessages: DiscordBotMessage[] = [];
  readonly members = new Map<string, Member>();
  readonly calls = new Map<string, number>();
  readonly statuses = new Map<string, number>();
  readonly unknown: string[] = [];
  /** Gateway events: identifies, resumes, connections, and what the storms did. */
  readonly gatewayLog = { connections: 0, identifies: 0, resumes: 0, refused: 0 };
  private readonly buckets = new Map<string, { resetAt: number; used: number; hash: string }>();
  private globalWindow: number[] = [];
  private rest?: LocalServer;
  private wss?: WebSocketServer;
  private socket?: WebSocket;
  private sessionId = '';
  private seq = 0;
  private sessionEvents: Array<{ s: number; t: string; d: unknown }> = [];
  private stalledUntil = 0;
  private readonly handled = new Set<string>();
  private memberSeq = 0;
  private tick?: NodeJS.Timeout;

  constructor(private readonly o: FakeDiscordOptions) {}

  get apiUrl(): string {
    return `${this.rest!.url}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${(this.wss!.address() as AddressInfo).port}`;
  }

  async start(): Promise<void> {
    this.wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => this.wss!.once('listening', () => resolve()));
    this.wss.on('connection', (socket) => this.accept(socket));
    this.rest = await startLocalServer((req) => this.handle(req));
    // Gateway storms are moments: act on them when they begin.
    this.tick = setInterval(() => this.gatewayStorms(), 100);
  }

  async stop(): Promise<void> {
    clearInterval(this.tick);
    for (const c of this.wss?.clients ?? []) c.terminate();
    await new Promise<void>((resolve) => (this.wss ? this.wss.close(() => resolve()) : resolve()));
    await this.rest?.close();
  }

  /** A new member of the server (each complaint comes from its own member). */
  member(username: string, name: string): Member {
    const id = String(1_190_000_000_000_000_000n + BigInt(++this.memberSeq));
    const m: Member = { id, username, discriminator: '0', global_name: name, avatar: null, public_flags: 0, flags: 0 };
    this.members.set(id, m);
    return m;
  }

  /** A member posts in #support: stored, and dispatched live if the gateway is up. */
  post(author: Member, content: string, at = Date.now()): any {
    const data = message({
      author: author as any,
      content,
      at: new Date(at),
      channelId: SUPPORT,
      mentions: content.includes(`<@${BOT.id}>`) ? [BOT] : [],
    });
    const { guild_id, member, channel_type, ...stored } = data as any;
    this.store(stored);
    this.dispatch('MESSAGE_CREATE', data);
    return stored;
  }

  private store(m: any): void {
    const list = this.history.get(m.channel_id) ?? [];
    list.push(m);
    this.history.set(m.channel_id, list);
  }

  private count(map: Map<string, number>, key: string): void {
    map.set(key, (map.get(key) ?? 0) + 1);
  }

  // --- REST ------------------------------------------------------------------------------------

  private handle(req: FakeHttpRequest): FakeHttpResponse {
    const path = req.path.replace(/^\/api\/v10/, '');
    const route = this.route(req.method, path);
    if (!route) {
      this.unknown.push(`${req.method} ${path}`);
      return { status: 404, body: { message: '404: Not Found', code: 0 } };
    }
    this.count(this.calls, route.name);
    const answer = this.answer(req, route);
    this.count(this.statuses, `${route.name} ${answer.status}`);
    return answer;
  }

  private route(
    method: string,
    path: string,
  ): { name: string; bucket: string; run: (req: FakeHttpRequest) => FakeHttpResponse } | undefined {
    if (method === 'GET' && path === '/gateway/bot') {
      return {
        name: 'get_gateway_bot',
        bucket: 'gateway',
        run: () => ({
          status: 200,
          body: {
            url: this.gatewayUrl,
            shards: 1,
            session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
          },
        }),
      };
    }
    if (method === 'GET' && path === '/gateway')
      return { name: 'get_gateway', bucket: 'gateway', run: () => ({ status: 200, body: { url: this.gatewayUrl } }) };
    if (method === 'GET' && path === '/users/@me')
      return { name: 'get_me', bucket: 'me', run: () => ({ status: 200, body: BOT }) };
    if (method === 'GET' && path === '/oauth2/applications/@me') {
      return {
        name: 'get_application',
        bucket: 'app',
        run: () => ({
          status: 200,
          body: {
            id: BOT.id,
            name: BOT.username,
            flags: 0,
            bot_public: true,
            bot_require_code_grant: false,
            description: '',
            icon: null,
            summary: '',
            verify_key: 'x',
            team: null,
            owner: BOT,
          },
        }),
      };
    }
    if (method === 'POST' && path === '/users/@me/channels')
      return { name: 'create_dm', bucket: 'POST /users/@me/channels', run: (req) => this.createDm(req.body) };
    const channel = /^\/channels\/(\d+)$/.exec(path)?.[1];
    if (channel && method === 'GET')
      return { name: 'get_channel', bucket: `GET /channels/${channel}`, run: () => this.getChannel(channel) };
    const id = /^\/channels\/(\d+)\/messages$/.exec(path)?.[1];
    if (id) {
      if (method === 'POST')
        return {
          name: 'create_message',
          bucket: `POST /channels/${id}/messages`,
          run: (req) => this.createMessage(id, req.body),
        };
      if (method === 'GET')
        return {
          name: 'list_messages',
          bucket: `GET /channels/${id}/messages`,
          run: (req) => this.list(id, req.query),
        };
    }
    const typing = /^\/channels\/(\d+)\/typing$/.exec(path)?.[1];
    if (typing && method === 'POST')
      return { name: 'typing', bucket: `POST /channels/${typing}/typing`, run: () => ({ status: 204 }) };
    return undefined;
  }

  private answer(
    req: FakeHttpRequest,
    route: { name: string; bucket: string; run: (req: FakeHttpRequest) => FakeHttpResponse },
  ): FakeHttpResponse {
    if (String(req.headers.authorization ?? '') !== `Bot ${BOT_TOKEN}`)
      return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
    const f = this.o.faults;
    const now = Date.now();
    const global = f.active('discord-global-429');
    this.globalWindow = this.globalWindow.filter((t) => t > now - 1000);
    if (global || this.globalWindow.length >= this.o.globalPerSecond) {
      const retry = global
        ? Math.max(0.5, Math.min(5, (f.endsAt(global) - now) / 1000))
        : Math.max(0.05, (this.globalWindow[0] + 1000 - now) / 1000);
      return {
        status: 429,
        body: { message: 'You are being rate limited.', retry_after: Number(retry.toFixed(3)), global: true, code: 0 },
        headers: {
          'retry-after': String(Math.ceil(retry)),
          'x-ratelimit-global': 'true',
          'x-ratelimit-scope': 'global',
        },
      };
    }
    this.globalWindow.push(now);
    if (f.active('discord-500')) return { status: 500, body: { message: '500: Internal Server Error', code: 0 } };
    // A route storm: other traffic shares the bucket, so only one request per window is left to the bot.
    const limit = f.active('discord-route-429') ? 1 : this.o.routeLimit;
    let b = this.buckets.get(route.bucket);
    if (!b || now >= b.resetAt) {
      b = {
        resetAt: now + this.o.routeWindowMs,
        used: 0,
        hash: crypto.createHash('md5').update(route.bucket).digest('hex').slice(0, 16),
      };
      this.buckets.set(route.bucket, b);
    }
    const resetAfter = Math.max(0, (b.resetAt - now) / 1000);
    const bucketHeaders = (remaining: number) => ({
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-reset': (b!.resetAt / 1000).toFixed(3),
      'x-ratelimit-reset-after': resetAfter.toFixed(3),
      'x-ratelimit-bucket': b!.hash,
    });
    if (b.used >= limit) {
      return {
        status: 429,
        body: {
          message: 'You are being rate limited.',
          retry_after: Number(resetAfter.toFixed(3)),
          global: false,
          code: 0,
        },
        headers: { ...bucketHeaders(0), 'retry-after': String(Math.ceil(resetAfter)), 'x-ratelimit-scope': 'user' },
      };
    }
    b.used++;
    const done = route.run(req);
    if (route.name === 'create_message' && done.status < 300 && f.active('discord-accepted-500')) {
      return { status: 500, body: { message: '500: Internal Server Error', code: 0 } };
    }
    return { ...done, headers: { ...done.headers, ...bucketHeaders(limit - b.used) } };
  }

  private dmChannelObject(userId: string) {
    const user = this.members.get(userId);
    const id = dmChannelOf({ id: userId } as any);
    return {
      id,
      type: 1,
      flags: 0,
      // The id of the channel's latest message, as Discord keeps it (catch-up skips quiet DMs by it).
      last_message_id: this.history.get(id)?.at(-1)?.id ?? null,
      recipients: user ? [user] : [],
    };
  }

  private createDm(body: { recipient_id?: string }): FakeHttpResponse {
    const id = String(body.recipient_id ?? '');
    if (!this.members.has(id)) return { status: 400, body: { message: 'Invalid Recipient(s)', code: 50033 } };
    return { status: 200, body: this.dmChannelObject(id) };
  }

  private getChannel(id: string): FakeHttpResponse {
    const guildChannel =
      (guildCreate() as any).channels.find((c: any) => c.id === id) ??
      (guildCreate() as any).threads.find((c: any) => c.id === id);
    if (guildChannel) return { status: 200, body: guildChannel };
    const member = [...this.members.values()].find((m) => dmChannelOf(m as any) === id);
    if (member) return { status: 200, body: this.dmChannelObject(member.id) };
    return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
  }

  private createMessage(channelId: string, body: any): FakeHttpResponse {
    const content = typeof body?.content === 'string' ? body.content : '';
    if (!content && !body?.embeds?.length)
      return { status: 400, body: { message: 'Cannot send an empty message', code: 50006 } };
    if (content.length > 2000) return { status: 400, body: { message: 'Invalid Form Body', code: 50035 } };
    const now = Date.now();
    const nonce = body.nonce === undefined ? undefined : String(body.nonce);
    if (nonce && body.enforce_nonce) {
      const earlier = this.botMessages.find(
        (m) => m.channelId === channelId && m.nonce === nonce && now - m.atMs < this.o.nonceMemoryMs,
      );
      if (earlier) return { status: 200, body: this.history.get(channelId)!.find((m) => m.id === earlier.id) };
    }
    const dmTo = [...this.members.values()].find((m) => dmChannelOf(m as any) === channelId)?.id;
    const isGuild = channelId === SUPPORT || (guildCreate() as any).channels.some((c: any) => c.id === channelId);
    if (!dmTo && !isGuild) return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
    const ref = body.message_reference;
    const created = {
      id: nextSnowflake(now),
      channel_id: channelId,
      author: BOT,
      content,
      timestamp: new Date(now).toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      pinned: false,
      components: [],
      type: ref ? 19 : 0,
      flags: 0,
      ...(nonce ? { nonce } : {}),
      ...(ref
        ? {
            message_reference: {
              type: 0,
              message_id: ref.message_id,
              channel_id: ref.channel_id ?? channelId,
              ...(isGuild ? { guild_id: GUILD_ID } : {}),
            },
          }
        : {}),
    };
    this.store(created);
    const am = body.allowed_mentions;
    const safe =
      !!am &&
      Array.isArray(am.parse) &&
      am.parse.length === 0 &&
      !am.roles?.length &&
      !(am.users ?? []).some((u: string) => u !== BOT.id);
    this.botMessages.push({
      id: created.id,
      channelId,
      content,
      nonce,
      replyTo: ref?.message_id,
      dmTo,
      safe,
      atMs: now,
    });
    this.dispatch('MESSAGE_CREATE', dmTo ? { ...created, channel_type: 1 } : { ...created, guild_id: GUILD_ID });
    this.o.onCreate?.();
    return { status: 200, body: created };
  }

  /** GET /channels/:id/messages: before / after / around and limit (1 to 100), newest first. */
  private list(channelId: string, q: Record<string, string>): FakeHttpResponse {
    const limit = Math.min(100, Math.max(1, Number(q.limit ?? 50) || 50));
    let all = this.history.get(channelId) ?? [];
    if (!all.length && !this.isKnownChannel(channelId))
      return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
    if (q.after) all = all.filter((m) => BigInt(m.id) > BigInt(q.after)).slice(0, limit);
    else if (q.before) all = all.filter((m) => BigInt(m.id) < BigInt(q.before)).slice(-limit);
    else all = all.slice(-limit);
    // A listed message carries no nonce: Discord returns it only in the create answer and the gateway event.
    return { status: 200, body: [...all].reverse().map(({ nonce, ...listed }: any) => listed) };
  }

  private isKnownChannel(id: string): boolean {
    const g = guildCreate() as any;
    return (
      g.channels.some((c: any) => c.id === id) ||
      g.threads.some((c: any) => c.id === id) ||
      [...this.members.values()].some((m) => dmChannelOf(m as any) === id)
    );
  }

  // --- Gateway ---------------------------------------------------------------------------------

  private dispatch(t: string, d: unknown): void {
    const s = ++this.seq;
    if (this.sessionId) this.sessionEvents.push({ s, t, d });
    if (this.sessionEvents.length > 5000) this.sessionEvents.shift();
    if (this.live()) this.send(this.socket!, { op: 0, t, s, d });
  }

  private live(): boolean {
    return (
      !!this.socket &&
      this.socket.readyState === WebSocket.OPEN &&
      !!this.sessionId &&
      Date.now() >= this.stalledUntil &&
      !this.o.faults.active('discord-drop')
    );
  }

  private send(socket: WebSocket, payload: unknown): void {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(payload));
  }

  private accept(socket: WebSocket): void {
    this.gatewayLog.connections++;
    const f = this.o.faults;
    // The network is down: the connection opens and dies at once.
    if (f.active('discord-drop')) {
      this.gatewayLog.refused++;
      return void socket.terminate();
    }
    this.socket?.terminate();
    this.socket = socket;
    socket.on('message', (raw) => this.receive(socket, JSON.parse(String(raw))));
    const hello = () =>
      this.send(socket, { op: 10, d: { heartbeat_interval: this.o.heartbeatIntervalMs }, s: null, t: null });
    // A stalled network: the connection opens but nothing comes until the stall ends.
    const wait = this.stalledUntil - Date.now();
    if (wait > 0) setTimeout(hello, wait);
    else hello();
  }

  private receive(socket: WebSocket, payload: { op: number; d: any }): void {
    if (socket !== this.socket || Date.now() < this.stalledUntil) return;
    if (payload.op === 1) this.send(socket, { op: 11, s: null, t: null });
    else if (payload.op === 2) this.identify(socket);
    else if (payload.op === 6) this.resume(socket, payload.d);
  }

  private identify(socket: WebSocket): void {
    this.gatewayLog.identifies++;
    this.sessionId = `chaos-session-${this.gatewayLog.identifies}`;
    this.seq = 0;
    this.sessionEvents = [];
    const guild = this.guild();
    this.dispatch('READY', {
      v: 10,
      user: BOT,
      guilds: [{ id: GUILD_ID, unavailable: true }],
      session_id: this.sessionId,
      resume_gateway_url: this.gatewayUrl,
      shard: [0, 1],
      application: { id: BOT.id, flags: 0 },
    });
    this.dispatch('GUILD_CREATE', guild);
    void socket;
  }

  private resume(socket: WebSocket, d: { session_id: string; seq: number }): void {
    this.gatewayLog.resumes++;
    if (!this.sessionId || d.session_id !== this.sessionId) {
      this.send(socket, { op: 9, d: false, s: null, t: null });
      return;
    }
    for (const e of this.sessionEvents.filter((x) => x.s > d.seq)) this.send(socket, { op: 0, t: e.t, s: e.s, d: e.d });
    this.dispatch('RESUMED', {});
  }

  private guild(): any {
    const g = guildCreate() as any;
    const bot = g.members.find((m: any) => m.user.id === BOT.id);
    return { ...g, members: [bot], member_count: this.members.size + 1 };
  }

  /** Acts once at the start of each gateway storm (and lifts a stall at its end). */
  private gatewayStorms(): void {
    for (const storm of this.o.faults.storms) {
      const key = `${storm.kind}@${storm.startMs}`;
      if (this.handled.has(key) || !this.o.faults.active(storm.kind)) continue;
      if (
        !storm.kind.startsWith('discord-') ||
        ['discord-route-429', 'discord-global-429', 'discord-500', 'discord-accepted-500'].includes(storm.kind)
      )
        continue;
      this.handled.add(key);
      const s = this.socket;
      if (storm.kind === 'discord-drop') s?.terminate();
      if (storm.kind === 'discord-stall') {
        this.stalledUntil = this.o.faults.endsAt(storm);
        this.stalledSocket = s;
      }
      if (storm.kind === 'discord-invalid-session' && s) {
        this.sessionId = '';
        this.sessionEvents = [];
        this.send(s, { op: 9, d: false, s: null, t: null });
      }
      if (storm.kind === 'discord-reconnect' && s) this.send(s, { op: 7, d: null, s: null, t: null });
    }
    // After a stall, the events held back reach the connection if it is still there.
    if (this.stalledUntil && Date.now() >= this.stalledUntil) {
      this.stalledUntil = 0;
      const s = this.socket;
      if (s && s === this.stalledSocket && this.sessionId)
        for (const e of this.sessionEvents.filter((x) => x.s > this.flushedUpTo))
          this.send(s, { op: 0, t: e.t, s: e.s, d: e.d });
    }
    this.flushedUpTo = this.live() ? this.seq : this.flushedUpTo;
  }

  private flushedUpTo = 0;
  private stalledSocket?: WebSocket;
}

let inc = 0n;
function nextSnowflake(ms: number): string {
  return String(((BigInt(ms) - 1_420_070_400_000n) << 22n) | (inc++ & 0xfffn));
}
