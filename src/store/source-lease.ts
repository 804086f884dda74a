import { Prisma } from '../generated/sqlite/client.js';
import type { DbTx } from './db-types.js';

/**
 * Takes or renews the lease on `source` for `holder` until now + leaseMs, in one statement: it
 * succeeds when nobody holds the source, when the lease ran out, or when `holder` already holds it.
 * Two instances racing for a free source both run the same upsert; the database lets exactly one win.
 * Returns whether `holder` holds the lease now.
 */
export async function acquireSourceLease(
  db: DbTx,
  source: string,
  holder: string,
  leaseMs: number,
  now = new Date(),
): Promise<boolean> {
  const until = new Date(now.getTime() + leaseMs);
  const rows = await db.$queryRaw<Array<{ holder: string }>>(Prisma.sql`
    INSERT INTO "SourceLease" ("source", "holder", "until", "updatedAt") VALUES (${source}, ${holder}, ${until}, ${now})
    ON CONFLICT ("source") DO UPDATE
      SET "holder" = excluded."holder", "until" = excluded."until", "updatedAt" = excluded."updatedAt"
    WHERE "SourceLease"."holder" = excluded."holder" OR "SourceLease"."until" < ${now}
    RETURNING "holder"`);
  return rows.length === 1 && rows[0].holder === holder;
}

/** Gives the lease back (a clean stop), so another instance takes the source at once. */
export async function releaseSourceLease(db: DbTx, source: string, holder: string): Promise<void> {
  await db.sourceLease.deleteMany({ where: { source, holder } });
}

/** Who holds `source` now, if anyone (a lease that ran out counts as nobody). */
export async function sourceLeaseHolder(db: DbTx, source: string, now = new Date()): Promise<string | undefined> {
  const row = await db.sourceLease.findUnique({ where: { source } });
  return row && row.until >= now ? row.holder : undefined;
}
