import type { Mention } from '../../src/core/mention.js';
import { saveCursor } from '../../src/store/cursor-position.js';
import type { DbTx } from '../../src/store/db-types.js';
import { compareIds } from './map-status.js';

/** Something read from Mastodon: its id moves the cursor; its mention (if any) goes to the pipeline. */
export interface ReadItem {
  cursorId: string;
  /** Absent for items read but not wanted (the brand's own statuses, a notification without a status). */
  mention?: Mention;
}

/** Mentions per call of onMentions: one pipeline transaction each. */
export const BATCH_SIZE = 100;

/**
 * Hands what was read to the pipeline oldest first, in batches, and moves the source's cursor past a
 * batch only once `onMentions` has resolved for it (never backwards): a crash in between re-reads that
 * batch (the pipeline drops what it already stored) and never loses one. `moveCursor: false` hands
 * over without moving it (the stream while a backfill is owed).
 */
export async function handOver(
  db: DbTx,
  source: string,
  items: ReadItem[],
  onMentions: (batch: Mention[]) => Promise<void>,
  moveCursor = true,
): Promise<number> {
  const ordered = [...items].sort((a, b) => compareIds(a.cursorId, b.cursorId));
  let handed = 0;
  for (let i = 0; i < ordered.length; i += BATCH_SIZE) {
    const chunk = ordered.slice(i, i + BATCH_SIZE);
    const mentions = chunk.flatMap((c) => (c.mention ? [c.mention] : []));
    if (mentions.length) await onMentions(mentions);
    handed += mentions.length;
    if (moveCursor) await saveCursor(db, source, chunk[chunk.length - 1].cursorId);
  }
  return handed;
}
