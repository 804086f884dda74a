import { Prisma } from '../generated/sqlite/client.js';
import type { DbTx } from './db-types.js';

/**
 * Reserves the next posting slot of `key` for the caller, in one statement so instances racing for
 * one channel get distinct slots `intervalMs` apart: the slot is max(now, the stored next slot); the
 * stored one moves past it. Returns the slot (epoch ms); the caller waits until then.
 */
export async function reservePacingSlot(
  db: DbTx,
  provider: 'sqlite' | 'postgresql',
  key: string,
  intervalMs: number,
  nowMs: number,
): Promise<number> {
  const greatest = provider === 'postgresql' ? Prisma.raw('GREATEST') : Prisma.raw('max');
  const now = BigInt(Math.floor(nowMs));
  const interval = BigInt(Math.ceil(intervalMs));
  const rows = await db.$queryRaw<Array<{ nextAtMs: bigint | number }>>(Prisma.sql`
    INSERT INTO "PacingSlot" ("key", "nextAtMs") VALUES (${key}, ${now + interval})
    ON CONFLICT ("key") DO UPDATE SET "nextAtMs" = ${greatest}(${now}, "PacingSlot"."nextAtMs") + ${interval}
    RETURNING "nextAtMs"`);
  return Number(rows[0].nextAtMs) - Number(interval);
}
