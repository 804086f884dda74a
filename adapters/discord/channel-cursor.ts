import type { DbTx } from '../../src/store/db-types.js';

const DISCORD_EPOCH = 1_420_070_400_000n;

/**
 * Cursor (Cursor table) of one Discord channel: the newest message id handed over from it. Direct
 * message channels have their own prefix, so catch-up can find the conversations that were active.
 */
export function cursorKey(channelId: string, isDirect = false): string {
  return isDirect ? `discord:dm:${channelId}` : `discord:${channelId}`;
}

/** Prefix of the cursors of direct message channels. */
export const DM_CURSOR_PREFIX = 'discord:dm:';

/** The smallest message id Discord could give a message posted at `ms` (ids grow with time). */
export function snowflakeAt(ms: number): string {
  const t = BigInt(Math.max(0, Math.floor(ms))) - DISCORD_EPOCH;
  return String(t > 0n ? t << 22n : 0n);
}

/** The later of two message ids. */
export function laterId(a: string, b: string): string {
  return BigInt(a) >= BigInt(b) ? a : b;
}

/** The stored position of a cursor, if any. */
export async function readCursor(db: DbTx, key: string): Promise<string | undefined> {
  const row = await db.cursor.findUnique({ where: { source: key } });
  return row && /^\d+$/.test(row.position) ? row.position : undefined;
}

/**
 * Moves cursors forward to the given ids; never back (a late edit or an old message fetched during
 * catch-up leaves a newer position alone).
 */
export async function advanceCursors(db: DbTx, positions: Map<string, string>): Promise<void> {
  for (const [key, id] of positions) {
    const current = await readCursor(db, key);
    if (current !== undefined && laterId(current, id) === current) continue;
    await db.cursor.upsert({ where: { source: key }, create: { source: key, position: id }, update: { position: id } });
  }
}
