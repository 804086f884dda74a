import { type OutgoingPrivate, SendError, type SendResult } from '../../src/core/channel-adapter.js';
import { toSendError, windowUsedUp } from './classify-x-error.js';
import type { XContext } from './x-context.js';

const ENDPOINT = 'POST /2/dm_conversations/with/:participant_id/messages';

/**
 * Sends a DM to one customer. X's rule, checked here whoever queued the message: the brand may DM
 * someone only after they wrote to the brand first (their DM is recorded on their identity).
 */
export async function sendDirectMessage(ctx: XContext, message: OutgoingPrivate): Promise<SendResult> {
  const identity = await ctx.db.identity.findUnique({
    where: { channel_externalId: { channel: 'x', externalId: message.recipient.id } },
    select: { lastPrivateInboundAt: true },
  });
  if (!identity?.lastPrivateInboundAt) {
    throw new SendError(
      'rejected',
      `X allows a DM only after the customer wrote to the brand first; ` +
        `no DM from @${message.recipient.handle} is recorded`,
      false,
    );
  }
  const wait = ctx.limits.waitMs(ENDPOINT);
  if (wait > 0) throw windowUsedUp(ENDPOINT, wait);
  try {
    const { data } = await ctx.api.post<{ data: { dm_conversation_id: string; dm_event_id: string } }>(
      'dm_conversations/with/:participant_id/messages',
      { text: message.text },
      { params: { participant_id: message.recipient.id } },
    );
    return { externalId: data.dm_event_id, costUsd: ctx.config.costs.dm };
  } catch (error) {
    const failure = toSendError(error, 'dm', ctx.limits.waitMs(ENDPOINT));
    if (failure.failure === 'auth') ctx.logger.error({ key: message.idempotencyKey }, failure.message);
    throw failure;
  }
}
