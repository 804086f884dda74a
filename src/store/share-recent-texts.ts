import type { DbTx } from './db-types.js';
import { loadReplyHashesSince } from './recent-reply-hashes.js';

// A reply another instance queued is visible once its transaction commits, which can be a batch's time
// after its createdAt: each read goes back this far, and re-adding a known hash changes nothing.
const OVERLAP_MS = 2000;
const MAX_PER_READ = 50_000;

/**
 * With several instances on one PostgreSQL, what each remembers of the texts sent is shared through the
 * outbox: before composing a batch, an instance adds the public replies the others queued since its
 * last look (read by the (kind, createdAt) index, at most once per `everyMs`). Returns the function the
 * pipeline calls per batch.
 */
export function shareRecentTexts(
  db: DbTx,
  recent: { add(hash: string, at: number): void },
  opts: { since: number; everyMs: number; now?: () => number },
): () => Promise<void> {
  const now = opts.now ?? Date.now;
  let seenUpTo = opts.since;
  let lastRead = 0;
  return async () => {
    const t = now();
    if (t - lastRead < opts.everyMs) return;
    lastRead = t;
    const rows = await loadReplyHashesSince(db, seenUpTo - OVERLAP_MS, MAX_PER_READ);
    for (const r of rows) recent.add(r.hash, r.at);
    if (rows.length) seenUpTo = Math.max(seenUpTo, rows[rows.length - 1].at);
  };
}
