import type { Mention } from '../../src/core/mention.js';
import { saveCursor } from '../../src/store/cursor-position.js';
import type { DbTx } from '../../src/store/db-types.js';

/** Something read from Bluesky: its position moves the cursor; its mention (if any) goes to the pipeline. */
export interface ReadItem {
  /** Sortable position (an ISO time, a chat log rev): handed over in this order. */
  position: string;
  /** Absent for items read but not wanted (the brand's own posts and messages). */
  mention?: Mention;
}

/** Mentions per call of onMentions: one pipeline transaction each. */
export const BATCH_SIZE = 100;

/**
 * Hands what was read to the pipeline oldest first, in batches, and moves the source's cursor past a
 * batch only once `onMentions` has resolved for it: a crash in between re-reads that batch (the
 * pipeline drops what it already stored) and never loses one. `finalPosition` (a chat log cursor) is
 * saved after the last batch.
 */
export async function handOver(
  db: DbTx,
  source: string,
  items: ReadItem[],
  onMentions: (batch: Mention[]) => Promise<void>,
  finalPosition?: string,
): Promise<number> {
  const ordered = [...items].sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  let handed = 0;
  for (let i = 0; i < ordered.length; i += BATCH_SIZE) {
    const chunk = ordered.slice(i, i + BATCH_SIZE);
    const mentions = chunk.flatMap((c) => (c.mention ? [c.mention] : []));
    if (mentions.length) await onMentions(mentions);
    handed += mentions.length;
    await saveCursor(db, source, chunk[chunk.length - 1].position);
  }
  if (finalPosition !== undefined) await saveCursor(db, source, finalPosition);
  return handed;
}
