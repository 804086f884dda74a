import type { DbTx } from '../store/db-types.js';

// Enough to catch a pasted answer, few enough to compare on every keystroke of a draft.
const RECENT_REPLIES = 200;
const WINDOW_MS = 30 * 86_400_000;

/**
 * The public replies people sent lately, as the brand (Reply publicly) or from their own accounts: the
 * advocate check's "copy of an earlier reply" compares a new text with these. Newest first.
 */
export async function loadEarlierReplies(db: DbTx, now: Date): Promise<string[]> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const [brand, own] = await Promise.all([
    db.outboundMessage.findMany({
      where: { purpose: 'human_reply', createdAt: { gte: since } },
      orderBy: { id: 'desc' },
      take: RECENT_REPLIES,
      select: { text: true },
    }),
    db.mention.findMany({
      where: { advocateId: { not: null }, postedAt: { gte: since } },
      orderBy: { id: 'desc' },
      take: RECENT_REPLIES,
      select: { text: true },
    }),
  ]);
  return [...brand, ...own].map((r) => r.text);
}
