import Database from 'better-sqlite3';

/** What the harness reads from the bot's SQLite database (plain SQL, not the bot's code). */
export interface DbSnapshot {
  /** Stored mentions: channel and the platform's id, and whether a case holds them. */
  mentions: Array<{ id: number; channel: string; externalId: string; caseId: number | null }>;
  /** Outbound rows by status, with what is still `sending` or due. */
  outbound: Array<{
    id: number;
    channel: string;
    kind: string;
    status: string;
    notBeforeMs: number;
    /** The sender's lease (null: none): a `sending` row under a live lease is being sent, not stuck. */
    claimedUntilMs: number | null;
    mentionId: number | null;
    caseId: number | null;
    externalId: string | null;
  }>;
}

/** Prisma's SQLite dates arrive as epoch milliseconds or as text, depending on the driver. */
function toMs(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  const s = String(v);
  return /^\d+$/.test(s) ? Number(s) : Date.parse(s.includes('T') || s.endsWith('Z') ? s : `${s.replace(' ', 'T')}Z`);
}

/** Reads the database read-only; the bot may be writing at the same moment (busy timeout). */
export function readBotDb(file: string): DbSnapshot {
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 10_000 });
  try {
    const mentions = db.prepare('SELECT id, channel, externalId, caseId FROM Mention').all() as DbSnapshot['mentions'];
    const rows = db
      .prepare(
        'SELECT id, channel, kind, status, notBefore, claimedUntil, mentionId, caseId, externalId FROM OutboundMessage',
      )
      .all() as Array<Record<string, unknown>>;
    const outbound = rows.map((r) => ({
      id: Number(r.id),
      channel: String(r.channel),
      kind: String(r.kind),
      status: String(r.status),
      notBeforeMs: toMs(r.notBefore),
      claimedUntilMs: r.claimedUntil === null ? null : toMs(r.claimedUntil),
      mentionId: r.mentionId === null ? null : Number(r.mentionId),
      caseId: r.caseId === null ? null : Number(r.caseId),
      externalId: r.externalId === null ? null : String(r.externalId),
    }));
    return { mentions, outbound };
  } finally {
    db.close();
  }
}

/**
 * Rows interrupted (`sending` with no live lease: nobody is sending them) or due now (`pending` with
 * notBefore passed), per channel. A row being posted right now (a case message waiting for its pacing slot)
 * holds a lease its sender renews, so it is not counted.
 */
export function stuckRows(snapshot: DbSnapshot, now = Date.now()): Record<string, { sending: number; due: number }> {
  const out: Record<string, { sending: number; due: number }> = {};
  for (const r of snapshot.outbound) {
    out[r.channel] ??= { sending: 0, due: 0 };
    const c = out[r.channel];
    if (r.status === 'sending' && (r.claimedUntilMs === null || r.claimedUntilMs < now)) c.sending++;
    else if (r.status === 'pending' && r.notBeforeMs <= now) c.due++;
  }
  return out;
}
