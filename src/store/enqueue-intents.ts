import { type OutboundIntent, OutboundStatus } from '../core/outbound.js';
import { textHash } from '../core/text-hash.js';
import { bulkInsert } from './bulk-insert.js';
import type { DbTx } from './db-types.js';
import { rawReader, selectRows, sqlList } from './prepared-select.js';

function toRow(i: OutboundIntent, now: Date) {
  return {
    idempotencyKey: i.idempotencyKey,
    channel: i.channel,
    kind: i.kind,
    purpose: i.purpose,
    target: JSON.stringify(i.target),
    text: i.text,
    caseId: i.caseId ?? null,
    mentionId: i.mentionId ?? null,
    textHash: storedTextHash(i),
    notBefore: i.notBefore ?? now,
    status: OutboundStatus.Pending,
    attempts: 0,
    createdAt: now,
    updatedAt: now,
  };
}

// Only public replies are read back for the "never the same text twice" rule (see openApp): the Slack
// and private rows, most of the outbox, keep an empty hash instead of paying for one.
function storedTextHash(i: OutboundIntent): string {
  if (i.kind !== 'public_reply') return '';
  return i.textHash ?? textHash(i.text);
}

/**
 * Writes intents durably (inside the caller's transaction, with the decision that caused them). An
 * intent whose key exists already is skipped: enqueueing is idempotent.
 */
export async function enqueueIntents(db: DbTx, intents: OutboundIntent[], now = new Date()): Promise<number> {
  if (!intents.length) return 0;
  const taken = await takenKeys(
    db,
    intents.map((i) => i.idempotencyKey),
  );
  const fresh = intents.filter((i) => !taken.has(i.idempotencyKey) && Boolean(taken.add(i.idempotencyKey)));
  await bulkInsert(
    db,
    'OutboundMessage',
    fresh.map((i) => toRow(i, now)),
  );
  return fresh.length;
}

// The idempotency keys among `keys` already in the outbox.
async function takenKeys(db: DbTx, keys: string[]): Promise<Set<string>> {
  const raw = rawReader(db);
  const existing = raw
    ? selectRows<{ idempotencyKey: string }>(
        raw,
        `SELECT "idempotencyKey" FROM "OutboundMessage" WHERE "idempotencyKey" IN (SELECT value FROM json_each(?))`,
        [sqlList(keys)],
      )
    : await db.outboundMessage.findMany({ where: { idempotencyKey: { in: keys } }, select: { idempotencyKey: true } });
  return new Set(existing.map((e) => e.idempotencyKey));
}
