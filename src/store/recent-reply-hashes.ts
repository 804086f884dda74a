import type { DbTx } from './db-types.js';
import { startupReader } from './sqlite-handle.js';

/** A public reply's text hash and when it was queued (ms). */
export interface ReplyHash {
  hash: string;
  at: number;
}

// Rows read per query: Prisma turns every row into an object with a Date, so reading 100,000 at once
// costs about a hundred megabytes that the process keeps; pages of this size cost a few.
const PAGE = 5000;

/**
 * The hashes of the newest public replies queued since `since`, at most `max`, oldest first: what the
 * composer must not repeat. Reads the (kind, createdAt) index from its newest end, in pages, and only
 * the two columns it needs, so start-up costs the same with a thousand stored rows or a million. Every
 * reply carries its case reference, so a text older than the newest `max` could only repeat for that case.
 */
export async function loadRecentReplyHashes(db: DbTx, since: Date, max: number): Promise<ReplyHash[]> {
  const sqlite = startupReader(db);
  if (sqlite) return readWithSqlite(sqlite, since, max);
  const newestFirst: ReplyHash[] = [];
  let before: { at: Date; id: number } | undefined;
  while (newestFirst.length < max) {
    const rows = await db.outboundMessage.findMany({
      where: {
        kind: 'public_reply',
        createdAt: { gte: since },
        ...(before ? { OR: [{ createdAt: { lt: before.at } }, { createdAt: before.at, id: { lt: before.id } }] } : {}),
      },
      select: { id: true, textHash: true, createdAt: true },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: Math.min(PAGE, max - newestFirst.length),
    });
    for (const r of rows) newestFirst.push({ hash: r.textHash, at: r.createdAt.getTime() });
    if (rows.length < PAGE) break;
    const last = rows[rows.length - 1];
    before = { at: last.createdAt, id: last.id };
  }
  return newestFirst.reverse();
}

// On SQLite, straight from the connection: two columns streamed off the index, no object per row. The
// read touches one table page per few rows, 100,000 rows deep: with SQLite's default 16 MB page cache
// those pages stay in memory (measured: +18 MB RSS at a million stored) though the pipeline never reads
// them again, so the read runs with a 2 MB cache and the connection's own setting is restored after.
function readWithSqlite(sqlite: NonNullable<ReturnType<typeof startupReader>>, since: Date, max: number): ReplyHash[] {
  const stmt = sqlite.prepare(`SELECT "textHash", "createdAt" FROM "OutboundMessage"
    WHERE "kind" = 'public_reply' AND "createdAt" >= ? ORDER BY "createdAt" DESC LIMIT ?`);
  const cacheSize = sqlite.pragma('cache_size', { simple: true });
  sqlite.pragma('cache_size = -2000');
  try {
    const newestFirst: ReplyHash[] = [];
    const rows = stmt.raw().iterate(since.toISOString().replace('Z', '+00:00'), max) as Iterable<[string, unknown]>;
    for (const row of rows) newestFirst.push({ hash: row[0], at: storedTime(row[1]) });
    return newestFirst.reverse();
  } finally {
    sqlite.pragma(`cache_size = ${Number(cacheSize)}`);
  }
}

// Prisma's SQLite adapter stores ISO text with an offset by default, epoch milliseconds when so configured.
function storedTime(value: unknown): number {
  return typeof value === 'string' ? Date.parse(value) : Number(value);
}

/**
 * The public replies queued since `after` (ms), by any instance, oldest first: on PostgreSQL, where
 * several instances compose, each adds the others' texts to its memory before composing a batch.
 */
export async function loadReplyHashesSince(db: DbTx, after: number, max: number): Promise<ReplyHash[]> {
  const rows = await db.outboundMessage.findMany({
    where: { kind: 'public_reply', createdAt: { gte: new Date(after) } },
    select: { textHash: true, createdAt: true },
    orderBy: { createdAt: 'asc' },
    take: max,
  });
  return rows.map((r) => ({ hash: r.textHash, at: r.createdAt.getTime() }));
}
