import type { OutboundRow } from '../core/outbound.js';
import { type OutboundFallback, OutboundStatus } from '../core/outbound.js';
import { textHash } from '../core/text-hash.js';
import type { Db } from '../store/create-db.js';
import { parseJson } from '../store/db-types.js';

/** What the sender does with a row whose text depends on an earlier message. */
export type FallbackDecision = { send: OutboundRow } | { wait: string };

/**
 * Picks the text a row should go out with. A row without a fallback is sent as queued. A row whose
 * text assumes an earlier message went out (an acknowledgement saying "we've sent you a DM") waits
 * while that message is still pending or being sent, keeps its text once it was sent, and switches to
 * the fallback text if it failed or was held. The switch is written to the row before sending, so a
 * crash and a later check with the platform (findSent) look for the text that was actually used.
 */
export async function applyFallback(db: Db, row: OutboundRow): Promise<FallbackDecision> {
  const fallback = parseJson<{ fallback?: OutboundFallback }>(row.target, {}).fallback;
  if (!fallback?.ifNotDelivered || typeof fallback.text !== 'string' || row.text === fallback.text)
    return { send: row };
  const earlier = await db.outboundMessage.findUnique({
    where: { idempotencyKey: fallback.ifNotDelivered },
    select: { status: true },
  });
  if (!earlier || earlier.status === OutboundStatus.Sent) return { send: row };
  if (earlier.status === OutboundStatus.Pending || earlier.status === OutboundStatus.Sending) {
    return { wait: `waiting for ${fallback.ifNotDelivered} to be sent or to fail` };
  }
  await db.outboundMessage.update({
    where: { id: row.id },
    data: { text: fallback.text, textHash: textHash(fallback.text) },
  });
  return { send: { ...row, text: fallback.text } };
}
