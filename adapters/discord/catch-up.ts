import { ChannelType, type Client, type Message, PermissionFlagsBits, type TextBasedChannel } from 'discord.js';
import { describeError } from '../../src/core/app-error.js';
import type { Logger } from '../../src/log/create-logger.js';
import type { DbTx } from '../../src/store/db-types.js';
import { cursorKey, DM_CURSOR_PREFIX, laterId, readCursor, snowflakeAt } from './channel-cursor.js';

export interface CatchUpDeps {
  client: Client;
  db: DbTx;
  logger: Logger;
  maxAgeMs: number;
  now: () => number;
  /** Whether a server channel (or a thread, by its parent) is watched. */
  isWatched: (place: { guildId: string; channelId: string; parentId?: string }) => boolean;
  /** Hands fetched messages over, oldest first, and moves their channel's cursor. */
  deliver: (messages: Message[]) => Promise<void>;
}

/** Text channels a complaint can be posted in; threads follow their parent. */
const TEXT_TYPES = new Set<ChannelType>([
  ChannelType.GuildText,
  ChannelType.GuildAnnouncement,
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
  ChannelType.AnnouncementThread,
]);

/**
 * After a fresh gateway session (start-up, or a session Discord could not resume), fetches what was
 * posted while the bot was away in every watched channel and active thread, and in the DMs that were
 * active within the age limit: from each channel's cursor, never older than `maxAgeMs`, oldest first.
 * Returns the channels it could not read, whose cursors must not move until a later catch-up works.
 */
export async function catchUp(deps: CatchUpDeps): Promise<Set<string>> {
  const failed = new Set<string>();
  if (deps.maxAgeMs <= 0) return failed;
  const floor = snowflakeAt(deps.now() - deps.maxAgeMs);
  for (const { channel, isDirect } of await targets(deps, failed)) {
    try {
      const fetched = await catchUpChannel(deps, channel, isDirect, floor);
      if (fetched)
        deps.logger.info(
          { channelId: channel.id, fetched },
          'Discord catch-up: messages posted while the bot was away',
        );
    } catch (error) {
      failed.add(channel.id);
      deps.logger.warn(
        { channelId: channel.id, error: describeError(error) },
        'Discord catch-up failed for a channel; it is tried again at the next session',
      );
    }
  }
  return failed;
}

async function catchUpChannel(
  deps: CatchUpDeps,
  channel: TextBasedChannel,
  isDirect: boolean,
  floor: string,
): Promise<number> {
  let after = laterId((await readCursor(deps.db, cursorKey(channel.id, isDirect))) ?? floor, floor);
  let fetched = 0;
  for (;;) {
    const page = await channel.messages.fetch({ after, limit: 100, cache: false });
    const messages = [...page.values()]
      .filter((m) => BigInt(m.id) > BigInt(after))
      .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
    if (!messages.length) return fetched;
    await deps.deliver(messages);
    fetched += messages.length;
    after = messages[messages.length - 1].id;
    if (page.size < 100) return fetched;
  }
}

async function targets(
  deps: CatchUpDeps,
  failed: Set<string>,
): Promise<Array<{ channel: TextBasedChannel; isDirect: boolean }>> {
  const { client } = deps;
  const out: Array<{ channel: TextBasedChannel; isDirect: boolean }> = [];
  for (const guild of client.guilds.cache.values()) {
    for (const channel of guild.channels.cache.values()) {
      if (!TEXT_TYPES.has(channel.type) || !channel.isTextBased()) continue;
      const parentId = channel.isThread() ? (channel.parentId ?? undefined) : undefined;
      if (!deps.isWatched({ guildId: guild.id, channelId: channel.id, parentId })) continue;
      // Unknown permissions (member not cached) are tried; a refusal is logged and skipped.
      const me = guild.members.me;
      if (
        me &&
        !channel.permissionsFor(me).has([PermissionFlagsBits.ViewChannel, PermissionFlagsBits.ReadMessageHistory])
      )
        continue;
      out.push({ channel, isDirect: false });
    }
  }
  const since = new Date(deps.now() - deps.maxAgeMs);
  const dms = await deps.db.cursor.findMany({
    where: { source: { startsWith: DM_CURSOR_PREFIX }, updatedAt: { gte: since } },
    select: { source: true },
  });
  for (const { source } of dms) {
    const id = source.slice(DM_CURSOR_PREFIX.length);
    try {
      const channel = await client.channels.fetch(id);
      if (channel?.isTextBased()) out.push({ channel, isDirect: true });
    } catch (error) {
      failed.add(id);
      deps.logger.warn(
        { channelId: id, error: describeError(error) },
        'Discord catch-up: a DM channel could not be opened',
      );
    }
  }
  return out;
}
