import { setTimeout as sleepFor } from 'node:timers/promises';
import { type Client, Events, type Message } from 'discord.js';
import { describeError } from '../../src/core/app-error.js';
import type {
  ChannelAdapter,
  OutgoingPrivate,
  OutgoingReply,
  SendResult,
  SentQuestion,
} from '../../src/core/channel-adapter.js';
import type { Mention } from '../../src/core/mention.js';
import type { Logger } from '../../src/log/create-logger.js';
import type { Db } from '../../src/store/create-db.js';
import { catchUp, recentDmChannelIds } from './catch-up.js';
import { advanceCursors, cursorKey, laterId } from './channel-cursor.js';
import { createDiscordClient, type DiscordClientOptions } from './create-discord-client.js';
import { createSendRest } from './create-send-rest.js';
import { DiscordSender } from './discord-sender.js';
import type { DiscordConfig } from './discord-settings.js';
import { GatewayConnection, type GatewayConnectionDeps } from './gateway-connection.js';
import { HandOverQueue } from './hand-over-queue.js';
import { buildInviteUrl } from './invite-url.js';
import { outageRetryMs } from './outage-retry-ms.js';
import type { ReconnectPacing } from './paced-sharding-strategy.js';
import { type DiscordPost, readMessage } from './read-message.js';
import { DISCORD, toMention } from './to-mention.js';
import { isWatchedPlace, type WatchSettings, watchMessage } from './watch-filter.js';

export interface DiscordAdapterDeps {
  config: DiscordConfig;
  db: Db;
  logger: Logger;
  now?: () => number;
  /** Tests: discord.js client options, reconnect pacing, login retries. */
  clientOverrides?: DiscordClientOptions['overrides'];
  pacing?: Partial<ReconnectPacing>;
  connection?: Pick<GatewayConnectionDeps, 'backoffMs' | 'connectTimeoutMs'>;
  /** Pause before the n-th retry of a catch-up that could not read some channels (default: outageRetryMs). */
  catchUpRetryMs?: (n: number) => number;
}

/**
 * Discord as a channel: watches servers, threads and the bot's DMs through the gateway, hands watched
 * messages to the pipeline in order (catching up after every fresh session), and answers through REST.
 */
export class DiscordAdapter implements ChannelAdapter {
  readonly channel = DISCORD;
  private onMentions?: (batch: Mention[]) => Promise<void>;
  private readonly queue: HandOverQueue<DiscordPost>;
  private readonly connection: GatewayConnection;
  private readonly sender: DiscordSender;
  private watch: WatchSettings;
  private username?: string;
  /**
   * Channels not caught up yet (their catch-up failed, or DMs still being looked at after the session
   * opened): live messages from them are handed over, but their cursors stay where they were until a
   * catch-up of theirs works.
   */
  private behind = new Set<string>();
  /** Counts sessions, so a catch-up of an older one stops when a new one begins. */
  private sessions = 0;
  private readonly stopping = new AbortController();

  constructor(private readonly deps: DiscordAdapterDeps) {
    const { config, logger } = deps;
    this.watch = {
      botUserId: config.botUserId ?? '',
      botRoleIds: [],
      guildIds: config.guildIds,
      channelIds: config.channelIds,
      keywords: config.keywords,
    };
    this.queue = new HandOverQueue(
      (posts) => this.deliver(posts),
      (error, what) => logger.error({ error: describeError(error) }, `Discord: ${what} failed`),
    );
    this.sender = new DiscordSender({
      rest: createSendRest(config.apiUrl, config.botToken),
      db: deps.db,
      logger,
      botUserId: () => this.watch.botUserId || undefined,
    });
    this.connection = new GatewayConnection({
      createClient: () =>
        createDiscordClient({
          apiUrl: config.apiUrl,
          gatewayUrl: config.gatewayUrl,
          overrides: deps.clientOverrides,
          pacing: {
            onPause: (delayMs, attempt) =>
              logger.warn({ delayMs, attempt }, 'Discord gateway unreachable; pausing before the next attempt'),
            helloTimeoutMs: config.helloTimeoutMs,
            onNoHello: (ms) =>
              logger.warn(
                { helloTimeoutSeconds: ms / 1000 },
                `Discord gateway sent no HELLO within ${ms / 1000} s of ` +
                  `connecting (a network stall?); closing the connection and reconnecting`,
              ),
            ...deps.pacing,
          },
        }),
      token: config.botToken,
      logger,
      ...deps.connection,
      attach: (client) => this.attach(client),
      onSession: (client) => this.session(client),
      onResumed: () => void this.queue.reopen(),
      onLost: () => this.queue.close(),
    });
  }

  async start(onMentions: (batch: Mention[]) => Promise<void>): Promise<void> {
    this.onMentions = onMentions;
    await this.connection.start();
  }

  reply(message: OutgoingReply): Promise<SendResult> {
    return this.sender.reply(message);
  }

  sendPrivate(message: OutgoingPrivate): Promise<SendResult> {
    return this.sender.sendPrivate(message);
  }

  findSent(
    idempotencyKey: string,
    kind: 'reply' | 'private',
    target: Record<string, unknown>,
    text: string,
    since?: Date,
  ): Promise<SendResult | null> {
    return this.sender.findSent(idempotencyKey, kind, target, text, since);
  }

  findSentMany(questions: SentQuestion[]): Promise<Array<SendResult | null | undefined>> {
    return this.sender.findSentMany(questions);
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.connection.stop();
    await this.queue.idle();
  }

  /** Who members should write to when their DMs are closed: the configured handle, else the bot's name. */
  supportHandle(): string | undefined {
    return this.deps.config.supportHandle ?? this.username;
  }

  private attach(client: Client): void {
    const take = (message: Message) => {
      const post = readMessage(message);
      if (post) this.queue.push(post);
    };
    client.on(Events.MessageCreate, take);
    // Embeds unfolding also send updates: only a new edit time is an edit by the author.
    client.on(Events.MessageUpdate, (before, after) => {
      if (after.editedTimestamp && after.editedTimestamp !== before.editedTimestamp) take(after as Message);
    });
    client.on(Events.GuildCreate, () => this.refreshBotRoles(client));
  }

  private async session(client: Client): Promise<void> {
    const user = client.user!;
    if (this.watch.botUserId && this.watch.botUserId !== user.id) {
      this.deps.logger.warn(
        { fromToken: this.watch.botUserId, loggedIn: user.id },
        'Discord: the token names another user than the one logged in; using the logged-in one',
      );
    }
    this.watch = { ...this.watch, botUserId: user.id };
    this.username = user.username;
    this.refreshBotRoles(client);
    const [guilds, id] = [client.guilds.cache.size, this.deps.config.applicationId];
    const invite = id ? buildInviteUrl(id) : undefined;
    if (guilds) this.deps.logger.info({ bot: user.username, guilds, invite }, 'Discord: connected');
    else this.deps.logger.warn({ invite }, 'Discord: the bot is in no server yet; add it with the invite URL');
    const session = ++this.sessions;
    const maxAgeMs = this.deps.config.catchUpMaxAgeHours * 3_600_000;
    const now = this.deps.now ?? Date.now;
    // Server channels are caught up while live messages wait; DM conversations (one REST call each,
    // as many as members answered within the age limit) afterwards, beside the live stream.
    const dms = maxAgeMs > 0 ? await recentDmChannelIds(this.deps.db, new Date(now() - maxAgeMs)) : [];
    await this.queue.reopen(async () => {
      this.behind = new Set(dms); // live messages are held meanwhile: only this catch-up's failures count
      const failed = await catchUp({ ...this.catchUpDeps(client), dms: false });
      this.behind = new Set([...failed, ...dms]);
    });
    if (this.behind.size) void this.catchUpBehind(client, session, dms);
  }

  private catchUpDeps(client: Client) {
    return {
      client,
      db: this.deps.db,
      logger: this.deps.logger,
      now: this.deps.now ?? Date.now,
      maxAgeMs: this.deps.config.catchUpMaxAgeHours * 3_600_000,
      isWatched: (place: { guildId: string; channelId: string; parentId?: string }) =>
        isWatchedPlace(place, this.watch),
      deliver: (messages: Message[]) =>
        this.deliver(messages.map(readMessage).filter((p): p is DiscordPost => p !== undefined)),
    };
  }

  /**
   * Catches up the channels left behind: the DM conversations at once, channels whose catch-up failed
   * after a pause, growing while some still fail, for as long as this session lasts (a healthy gateway
   * may keep one session for days: waiting for the next one is not enough).
   */
  private async catchUpBehind(client: Client, session: number, firstLook: Iterable<string>): Promise<void> {
    const current = () => session === this.sessions && !this.stopping.signal.aborted;
    let channels = new Set(firstLook);
    for (let n = 0; current(); n++) {
      if (channels.size) {
        const failed = await this.catchUpOnly(client, channels);
        if (!current()) return;
        for (const id of channels) if (!failed.has(id)) this.behind.delete(id);
        if (n > 0 && !this.behind.size) this.deps.logger.info('Discord catch-up done after retrying');
      }
      if (!this.behind.size) return;
      const pauseMs = (this.deps.catchUpRetryMs ?? outageRetryMs)(n);
      this.deps.logger.warn(
        { channels: [...this.behind], pauseSeconds: Math.ceil(pauseMs / 1000) },
        'Discord catch-up could not read some channels; trying them again after a pause',
      );
      await sleepFor(pauseMs, undefined, { signal: this.stopping.signal }).catch(() => undefined);
      channels = new Set(this.behind);
    }
  }

  /** Catches up these channels beside the live stream; returns those it could not read. */
  private catchUpOnly(client: Client, channels: ReadonlySet<string>): Promise<Set<string>> {
    return catchUp({
      ...this.catchUpDeps(client),
      only: channels,
      // In turn with the live hand-overs; the channel's own cursor moves even though it is behind.
      deliver: (messages) =>
        this.queue.run(() =>
          this.deliver(
            messages.map(readMessage).filter((p): p is DiscordPost => p !== undefined),
            channels,
          ),
        ),
    }).catch((error) => {
      this.deps.logger.warn({ error: describeError(error) }, 'Discord catch-up failed');
      return new Set(channels);
    });
  }

  private refreshBotRoles(client: Client): void {
    const botId = client.user?.id;
    if (!botId) return;
    const roles = client.guilds.cache
      .map((g) => g.roles.botRoleFor(botId)?.id)
      .filter((id): id is string => Boolean(id));
    this.watch = { ...this.watch, botRoleIds: roles };
  }

  /**
   * Hands watched posts to the pipeline, then moves the cursors of the channels they came from (not of
   * channels behind, except those `catchingUp` is fetching in order).
   */
  private async deliver(posts: DiscordPost[], catchingUp?: ReadonlySet<string>): Promise<void> {
    const mentions: Mention[] = [];
    const cursors = new Map<string, string>();
    for (const post of posts) {
      try {
        const verdict = watchMessage(post, this.watch);
        if (verdict.watch) mentions.push(toMention(post, verdict.mentionsBrand, verdict.onlyAsReply));
        else
          this.deps.logger.debug(
            { id: post.id, channelId: post.channelId, why: verdict.why },
            'Discord message not watched',
          );
        if (!post.isDirect && !isWatchedPlace(post, this.watch)) continue;
        if (this.behind.has(post.channelId) && !catchingUp?.has(post.channelId)) continue;
        const key = cursorKey(post.channelId, post.isDirect);
        cursors.set(key, laterId(cursors.get(key) ?? post.id, post.id));
      } catch (error) {
        this.deps.logger.error(
          { id: post.id, error: describeError(error) },
          'Discord message could not be read; skipped',
        );
      }
    }
    if (mentions.length) await this.onMentions!(mentions);
    await advanceCursors(this.deps.db, cursors);
  }
}
