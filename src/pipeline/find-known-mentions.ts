import { type Mention, mentionKey } from '../core/mention.js';
import type { DbTx } from '../store/db-types.js';
import { rawReader, selectRows, sqlList, storedDate } from '../store/prepared-select.js';

/** A mention already stored: enough to spot duplicates and edits. */
export interface KnownMention {
  id: number;
  caseId: number | null;
  editedAt: Date | null;
  text: string;
}

/** The stored mentions among `mentions`, by mentionKey. One query per channel in the batch. */
export async function findKnownMentions(db: DbTx, mentions: Mention[]): Promise<Map<string, KnownMention>> {
  const byChannel = new Map<string, string[]>();
  for (const m of mentions) {
    const ids = byChannel.get(m.channel);
    if (ids) ids.push(m.id);
    else byChannel.set(m.channel, [m.id]);
  }
  const known = new Map<string, KnownMention>();
  const raw = rawReader(db);
  for (const [channel, ids] of byChannel) {
    const rows = raw
      ? selectRows<KnownMention & { externalId: string }>(
          raw,
          `SELECT "id", "externalId", "caseId", "editedAt", "text" FROM "Mention"
           WHERE "channel" = ? AND "externalId" IN (SELECT value FROM json_each(?))`,
          [channel, sqlList(ids)],
        ).map((r) => ({ ...r, editedAt: storedDate(r.editedAt) }))
      : await db.mention.findMany({
          where: { channel, externalId: { in: ids } },
          select: { id: true, externalId: true, caseId: true, editedAt: true, text: true },
        });
    for (const r of rows) known.set(mentionKey({ channel, id: r.externalId }), r);
  }
  return known;
}

/** Whether `m` is the brand's own post: its author is one of the brand's handles or account ids. */
export function isOwnPost(m: Mention, brandHandles: string[], brandAccountIds: string[]): boolean {
  const handle = m.author.handle.toLowerCase();
  return brandHandles.some((h) => h.toLowerCase() === handle) || brandAccountIds.includes(m.author.id);
}
