import type { OutboundRow } from '../core/outbound.js';
import { type OutboundFallback, OutboundStatus } from '../core/outbound.js';
import { textHash } from '../core/text-hash.js';
import type { Db } from '../store/create-db.js';
import { parseJson } from '../store/db-types.js';

/** What the sender does with a row whose text depends on an earlier message. */
export type FallbackDecision = { send: OutboundRow } | { wait: string };

/** What applyFallback reads of the earlier message (null: there is none). */
export interface EarlierMessage {
  status: string;
  attempts: number;
  error: string | null;
}

/** The fallback of a row whose text depends on an earlier message (undefined: it depends on none now). */
export function fallbackOf(row: OutboundRow): OutboundFallback | undefined {
  const fallback = parseJson<{ fallback?: OutboundFallback }>(row.target, {}).fallback;
  if (!fallback?.ifNotDelivered || typeof fallback.text !== 'string' || row.text === fallback.text) return undefined;
  return fallback;
}

/**
 * Picks the text a row should go out with. A row without a fallback is sent as queued. A row whose
 * text assumes an earlier message went out (an acknowledgement saying "we've sent you a DM") keeps its
 * text once that message was sent, and switches to the fallback text if it failed or was held. It waits
 * only for the earlier message's first try (queued before it, so normally tried just before it in the
 * same drain): that first answer tells whether the member's DMs are open. An earlier message that is
 * merely slow (rate-limited, retrying after a 5xx, unconfirmed after a crash) does not hold the public
 * reply back: it will go out, so the wording stays. The switch is written to the row before sending, so
 * a crash and a later check with the platform (findSent) look for the text that was actually used.
 * `lookup` reads the earlier message (default: the database); a sender working through a batch of rows
 * passes what it read for all of them at once and knows of the ones it just sent.
 */
export async function applyFallback(
  db: Db,
  row: OutboundRow,
  lookup: (key: string) => Promise<EarlierMessage | null> = (key) =>
    db.outboundMessage.findUnique({
      where: { idempotencyKey: key },
      select: { status: true, attempts: true, error: true },
    }),
): Promise<FallbackDecision> {
  const fallback = fallbackOf(row);
  if (!fallback) return { send: row };
  const earlier = await lookup(fallback.ifNotDelivered);
  if (!earlier || earlier.status === OutboundStatus.Sent) return { send: row };
  if (earlier.status === OutboundStatus.Pending || earlier.status === OutboundStatus.Sending) {
    const neverTried = earlier.status === OutboundStatus.Pending && earlier.attempts === 0 && !earlier.error;
    return neverTried ? { wait: `waiting for the first try of ${fallback.ifNotDelivered}` } : { send: row };
  }
  await db.outboundMessage.update({
    where: { id: row.id },
    data: { text: fallback.text, textHash: textHash(fallback.text) },
  });
  return { send: { ...row, text: fallback.text } };
}
