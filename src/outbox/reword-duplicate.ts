import { describeError } from '../core/app-error.js';
import type { OutboundRow } from '../core/outbound.js';
import { OutboundStatus } from '../core/outbound.js';
import { textHash } from '../core/text-hash.js';
import type { Logger } from '../log/create-logger.js';
import type { Db } from '../store/create-db.js';

/**
 * The platform refused a text as duplicate content (X does, for any text it has seen from the brand):
 * asks `recompose` for new wording and queues the same message again at once. False when there is no
 * new wording, and the sender then holds the message for a person.
 */
export async function rewordDuplicate(
  deps: { db: Db; logger: Logger; recompose?: (row: OutboundRow) => Promise<string | undefined> },
  row: OutboundRow,
  now: Date,
): Promise<boolean> {
  const text = await deps.recompose?.(row).catch((error) => {
    deps.logger.warn({ outboundId: row.id, error: describeError(error) }, 'could not reword a duplicate message');
    return undefined;
  });
  if (!text || text === row.text) return false;
  await deps.db.outboundMessage.update({
    where: { id: row.id },
    data: {
      text,
      textHash: textHash(text),
      status: OutboundStatus.Pending,
      claimedBy: null,
      claimedUntil: null,
      notBefore: now,
      error: `reworded after duplicate content: "${row.text}"`,
    },
  });
  deps.logger.info(
    { outboundId: row.id, channel: row.channel },
    'duplicate content refused: reworded and queued again',
  );
  return true;
}
