import { type Client, Events, type Message } from 'discord.js';
import { describeError } from '../../src/core/app-error.js';
import type { ChannelAdapter, OutgoingPrivate, OutgoingReply, SendResult } from '../../src/core/channel-adapter.js';
import type { Mention } from '../../src/core/mention.js';
import type { Logger } from '../../src/log/create-logger.js';
import type { Db } from '../../src/store/create-db.js';
import { catchUp } from './catch-up.js';
import { advanceCursors, cursorKey, laterId } from './channel-cursor.js';
import { createDiscordClient, type DiscordClientOptions } from './create-discord-client.js';
import { createSendRest } from './create-send-rest.js';
import { DiscordSender } from './discord-sender.js';
import type { DiscordConfig } from './discord-settings.js';
import { GatewayConnection, type GatewayConnectionDeps } from './gateway-connection.js';
import { HandOverQueue } from './hand-over-queue.js';
import { buildInviteUrl } from './invite-url.js';
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
  /** Channels whose catch-up failed: their cursors stay where they were until a catch-up works. */
  private behind = new Set<string>();

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
  ): Promise<SendResult | null> {
    return this.sender.findSent(idempotencyKey, kind, target, text);
  }

  async stop(): Promise<void> {
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
    await this.queue.reopen(async () => {
      this.behind = new Set(); // live messages are held meanwhile: only this catch-up's failures count
      this.behind = await catchUp({
        client,
        db: this.deps.db,
        logger: this.deps.logger,
        now: this.deps.now ?? Date.now,
        maxAgeMs: this.deps.config.catchUpMaxAgeHours * 3_600_000,
        isWatched: (place) => isWatchedPlace(place, this.watch),
        deliver: (messages) => this.deliver(messages.map(readMessage).filter((p): p is DiscordPost => p !== undefined)),
      });
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

  /** Hands watched posts to the pipeline, then moves the cursors of the channels they came from. */
  private async deliver(posts: DiscordPost[]): Promise<void> {
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
        if (this.behind.has(post.channelId)) continue;
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
