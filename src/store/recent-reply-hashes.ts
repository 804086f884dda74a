import type { DbTx } from './db-types.js';

/** A public reply's text hash and when it was queued (ms). */
export interface ReplyHash {
  hash: string;
  at: number;
}

/**
 * The hashes of the newest public replies queued since `since`, at most `max`, oldest first: what the
 * composer must not repeat. Reads the (kind, createdAt) index from its newest end and only the two
 * columns it needs, so start-up costs the same with a thousand stored rows or a million. Every reply
 * carries its case reference, so a text older than the newest `max` could only repeat for that case.
 */
export async function loadRecentReplyHashes(db: DbTx, since: Date, max: number): Promise<ReplyHash[]> {
  const rows = await db.outboundMessage.findMany({
    where: { kind: 'public_reply', createdAt: { gte: since } },
    select: { textHash: true, createdAt: true },
    orderBy: { createdAt: 'desc' },
    take: max,
  });
  const out: ReplyHash[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[rows.length - 1 - i];
    out[i] = { hash: row.textHash, at: row.createdAt.getTime() };
  }
  return out;
}
