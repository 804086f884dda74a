import {
  type APIMessage,
  type APIUser,
  ChannelType,
  GatewayDispatchEvents,
  type MessageFlags,
  MessageType,
  RESTJSONErrorCodes,
} from 'discord-api-types/v10';
import { ContractRest, type FakeResponse, type RecordedRequest } from './contract-rest';
import {
  ALICE,
  BOB,
  BOT,
  dmChannelOf,
  GUILD_ID,
  guildCreate,
  type MessageSpec,
  message,
  snowflake,
} from './discord-fixtures';
import { FakeGateway } from './fake-gateway';

const MEMBERS: APIUser[] = [ALICE, BOB];

/**
 * A small Discord: one server (see discord-fixtures), its message history, members' DM settings, a
 * contract-checked REST API and a gateway. It posts messages as members would (live through the
 * gateway, or only into history while the bot is away) and records what the bot sends.
 */
export class FakeDiscord {
  /** Each channel's messages, oldest first, as GET /channels/:id/messages serves them. */
  readonly history = new Map<string, APIMessage[]>();
  /** Members whose DMs are closed to the bot (Discord answers 50007). */
  readonly closedDms = new Set<string>();
  /** How long Discord remembers a nonce for enforce_nonce ("the past few minutes"). */
  nonceMemoryMs = 5 * 60_000;
  /** What GET /gateway/bot announces; the fake gateway unless a test says otherwise. */
  announcedGatewayUrl?: string;
  private readonly failures: Array<{ operationId: string; response: FakeResponse; afterDoing: boolean }> = [];

  private constructor(
    readonly rest: ContractRest,
    readonly gateway: FakeGateway,
  ) {}

  static async start(): Promise<FakeDiscord> {
    const gateway = new FakeGateway({ bot: BOT, guilds: () => [guildCreate()] });
    await gateway.start();
    let world!: FakeDiscord;
    const rest = await ContractRest.start({
      get_bot_gateway: () =>
        world.failure('get_bot_gateway') ?? {
          status: 200,
          body: {
            url: world.announcedGatewayUrl ?? world.gateway.url,
            shards: 1,
            session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
          },
        },
      create_message: (req, params) =>
        world.answer('create_message', () => world.createMessage(params.channel_id, req)),
      create_dm: (req) =>
        world.answer('create_dm', () => ({ status: 200, body: world.dmChannel(String(req.body.recipient_id)) })),
      list_messages: (req, params) =>
        world.answer('list_messages', () => ({ status: 200, body: world.list(params.channel_id, req.query) })),
      get_channel: (_req, params) =>
        world.answer('get_channel', () => ({
          status: 200,
          body: world.dmChannel(MEMBERS.find((m) => dmChannelOf(m) === params.channel_id)?.id ?? ''),
        })),
    });
    world = new FakeDiscord(rest, gateway);
    return world;
  }

  /** A member posts. `live: false`: only into history, as if the bot was away. */
  post(spec: MessageSpec, options: { live?: boolean } = {}): APIMessage {
    const data = message(spec);
    const { guild_id, member, channel_type, ...stored } = data as typeof data & { channel_type?: number };
    this.store(stored as APIMessage);
    if (options.live !== false) this.gateway.dispatch(GatewayDispatchEvents.MessageCreate, data);
    return stored as APIMessage;
  }

  /** The author edits a message: MESSAGE_UPDATE with the full message, as Discord sends it. */
  edit(original: APIMessage, content: string, at = new Date()): APIMessage {
    const edited: APIMessage = { ...original, content, edited_timestamp: at.toISOString() };
    const list = this.history.get(original.channel_id)!;
    list[list.findIndex((m) => m.id === original.id)] = edited;
    this.gateway.dispatch(GatewayDispatchEvents.MessageUpdate, {
      ...edited,
      guild_id: GUILD_ID,
      mentions: edited.mentions,
    });
    return edited;
  }

  /**
   * The next call of `operationId` gets this answer instead (a 429, a 500, a permission error...).
   * `afterDoing`: Discord does the work first and only then fails (the answer lost on the way back).
   */
  failNext(operationId: string, response: FakeResponse, options: { afterDoing?: boolean } = {}): void {
    this.failures.push({ operationId, response, afterDoing: options.afterDoing ?? false });
  }

  /** Requests of one REST operation (create_message, list_messages...), in order. */
  calls(operationId: string) {
    return this.rest.calls(operationId);
  }

  /** What the bot posted in a channel, oldest first. */
  botPosts(channelId: string): APIMessage[] {
    return (this.history.get(channelId) ?? []).filter((m) => m.author.id === BOT.id);
  }

  async stop(): Promise<void> {
    await this.gateway.stop();
    await this.rest.stop();
  }

  private failure(operationId: string): FakeResponse | undefined {
    const i = this.failures.findIndex((f) => f.operationId === operationId && !f.afterDoing);
    return i < 0 ? undefined : this.failures.splice(i, 1)[0].response;
  }

  private answer(operationId: string, work: () => FakeResponse): FakeResponse {
    const before = this.failure(operationId);
    if (before) return before;
    const done = work();
    const i = done.status < 300 ? this.failures.findIndex((f) => f.operationId === operationId && f.afterDoing) : -1;
    return i < 0 ? done : this.failures.splice(i, 1)[0].response;
  }

  private store(m: APIMessage): void {
    const list = [...(this.history.get(m.channel_id) ?? []), m];
    this.history.set(
      m.channel_id,
      list.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1)),
    );
  }

  private createMessage(channelId: string, req: RecordedRequest): FakeResponse {
    const member = MEMBERS.find((m) => dmChannelOf(m) === channelId);
    if (member && this.closedDms.has(member.id)) {
      return {
        status: 403,
        body: { message: 'Cannot send messages to this user', code: RESTJSONErrorCodes.CannotSendMessagesToThisUser },
      };
    }
    const body = req.body;
    // enforce_nonce: the same nonce from the same author within minutes returns the first message.
    const earlier =
      body.enforce_nonce &&
      this.botPosts(channelId).find(
        (m) => m.nonce === body.nonce && Date.now() - Date.parse(m.timestamp) < this.nonceMemoryMs,
      );
    if (earlier) return { status: 200, body: earlier };
    const ref = body.message_reference;
    const created: APIMessage = {
      id: snowflake(),
      channel_id: channelId,
      author: BOT,
      content: body.content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      pinned: false,
      components: [],
      type: ref ? MessageType.Reply : MessageType.Default,
      flags: 0 as MessageFlags,
      nonce: body.nonce,
      ...(ref
        ? {
            message_reference: {
              type: 0,
              message_id: ref.message_id,
              channel_id: ref.channel_id ?? channelId,
              guild_id: ref.guild_id,
            },
          }
        : {}),
    };
    this.store(created);
    this.gateway.dispatch(
      GatewayDispatchEvents.MessageCreate,
      member ? { ...created, channel_type: ChannelType.DM } : { ...created, guild_id: GUILD_ID, mentions: [] },
    );
    return { status: 200, body: created };
  }

  private dmChannel(userId: string) {
    const user = MEMBERS.find((m) => m.id === userId);
    if (!user) return { id: '0', type: 1, flags: 0, recipients: [] };
    // Discord keeps the id of a channel's latest message on the channel: catch-up reads it to skip quiet DMs.
    const last = this.history.get(dmChannelOf(user))?.at(-1)?.id ?? null;
    return { id: dmChannelOf(user), type: ChannelType.DM, flags: 0, last_message_id: last, recipients: [user] };
  }

  /**
   * Discord's paging: `after` gives the `limit` oldest messages after that id, `before` the newest
   * before it, neither the newest; always newest first. A listed message carries no nonce (Discord
   * gives it back only in the create answer and the gateway event).
   */
  private list(channelId: string, query: Record<string, string>): APIMessage[] {
    const limit = Number(query.limit ?? 50);
    let all = [...(this.history.get(channelId) ?? [])];
    if (query.after) all = all.filter((m) => BigInt(m.id) > BigInt(query.after)).slice(0, limit);
    else if (query.before) all = all.filter((m) => BigInt(m.id) < BigInt(query.before)).slice(-limit);
    else all = all.slice(-limit);
    return all.reverse().map(({ nonce, ...listed }) => listed);
  }
}
