import type { DbTx } from './db-types.js';

/** The ledger's day: the UTC date, as platforms bill (and as recordSent writes it). */
export function ledgerDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** One billable call: what it was and what it cost by the configured unit price. */
export interface SpendLine {
  channel: string;
  /** What was paid for: `read_mentions`, `read_search`, `public_reply`... */
  action: string;
  costUsd: number;
  at: Date;
  outboundId?: number;
}

/** Writes a billable call to the spend ledger (SpendEntry). Free calls are not written. */
export async function recordSpend(db: DbTx, line: SpendLine): Promise<void> {
  if (!(line.costUsd > 0)) return;
  await db.spendEntry.create({
    data: {
      at: line.at,
      day: ledgerDay(line.at),
      channel: line.channel,
      action: line.action,
      costUsd: line.costUsd,
      outboundId: line.outboundId ?? null,
    },
  });
}

/** What a channel has spent on the UTC day of `at`, in US dollars. */
export async function spentOnDay(db: DbTx, channel: string, at: Date): Promise<number> {
  const sum = await db.spendEntry.aggregate({ where: { channel, day: ledgerDay(at) }, _sum: { costUsd: true } });
  return sum._sum.costUsd ?? 0;
}
