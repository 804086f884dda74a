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
  /** Only these channels (a retry of those a catch-up could not read); unset: every watched one. */
  only?: ReadonlySet<string>;
  /** Whether DM conversations are looked at too (default true). */
  dms?: boolean;
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
 * active within the age limit and changed since their cursor: from each channel's cursor, never older
 * than `maxAgeMs`, oldest first. Returns the channels it could not read, whose cursors must not move
 * until a later catch-up works.
 */
export async function catchUp(deps: CatchUpDeps): Promise<Set<string>> {
  const failed = new Set<string>();
  if (deps.maxAgeMs <= 0) return failed;
  const floor = snowflakeAt(deps.now() - deps.maxAgeMs);
  for (const { channel, isDirect } of await targets(deps, failed, floor)) {
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
        'Discord catch-up failed for a channel; it is tried again after a pause',
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
  floor: string,
): Promise<Array<{ channel: TextBasedChannel; isDirect: boolean }>> {
  const { client, only } = deps;
  const out: Array<{ channel: TextBasedChannel; isDirect: boolean }> = [];
  for (const guild of client.guilds.cache.values()) {
    for (const channel of guild.channels.cache.values()) {
      if (only && !only.has(channel.id)) continue;
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
  if (deps.dms !== false) out.push(...(await changedDms(deps, failed, floor)));
  return out;
}

/** The DM channels active within the age limit (they have a cursor), optionally only some of them. */
export async function recentDmChannelIds(db: DbTx, since: Date, only?: ReadonlySet<string>): Promise<string[]> {
  const dms = await db.cursor.findMany({
    where: { source: { startsWith: DM_CURSOR_PREFIX }, updatedAt: { gte: since } },
    select: { source: true },
  });
  return dms.map((d) => d.source.slice(DM_CURSOR_PREFIX.length)).filter((id) => !only || only.has(id));
}

/**
 * The DM conversations with a message newer than their cursor. Discord gives a bot no list of its DMs,
 * so each is read (GET /channels/:id, always from Discord: a cached channel may predate the outage);
 * its `last_message_id` tells whether there is anything to fetch, so an unchanged conversation costs
 * one call, not two or more.
 */
async function changedDms(
  deps: CatchUpDeps,
  failed: Set<string>,
  floor: string,
): Promise<Array<{ channel: TextBasedChannel; isDirect: boolean }>> {
  const out: Array<{ channel: TextBasedChannel; isDirect: boolean }> = [];
  const ids = await recentDmChannelIds(deps.db, new Date(deps.now() - deps.maxAgeMs), deps.only);
  let unchanged = 0;
  for (const id of ids) {
    try {
      const channel = await deps.client.channels.fetch(id, { force: true });
      if (!channel?.isTextBased()) continue;
      const after = laterId((await readCursor(deps.db, cursorKey(id, true))) ?? floor, floor);
      const last = channel.lastMessageId;
      if (last && /^\d+$/.test(last) && BigInt(last) > BigInt(after)) out.push({ channel, isDirect: true });
      else unchanged++;
    } catch (error) {
      failed.add(id);
      deps.logger.warn(
        { channelId: id, error: describeError(error) },
        'Discord catch-up: a DM channel could not be opened',
      );
    }
  }
  if (ids.length)
    deps.logger.debug({ dms: ids.length, changed: out.length, unchanged }, 'Discord catch-up: DM conversations');
  return out;
}
