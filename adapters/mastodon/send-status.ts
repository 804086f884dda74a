import type { mastodon } from 'masto';
import {
  type OutgoingPrivate,
  type OutgoingReply,
  SendError,
  type SendResult,
} from '../../src/core/channel-adapter.js';
import { callMastodon } from './call-mastodon.js';
import { toSendError } from './classify-mastodon-error.js';
import { narrowest } from './map-status.js';
import type { InstanceFacts, MastodonContext } from './mastodon-context.js';
import { measureStatus } from './mastodon-limits.js';

/** What a status in answer to a customer's post needs to know about that post. */
export interface AnswerPlace {
  statusId?: string;
  visibility: string;
  acct: string;
  spoilerText?: string;
}

// Mastodon links any "@name" or "@name@server" in a status and notifies that account: every @ but the
// leading one (the customer) is followed by a word joiner, so the brand mentions nobody else.
const MENTION = /(^|[^\p{L}\p{N}_/])@(?=[\p{L}\p{N}_])/gu;

/** The status text: the customer's @acct first (it addresses the status to them), other @s defused. */
export function addressTo(acct: string, text: string): string {
  const lead = `@${acct}`;
  const rest = text.startsWith(lead) ? text.slice(lead.length).trimStart() : text;
  return `${lead} ${rest.replace(MENTION, '$1@\u2060')}`;
}

/** The customer's post as the answer needs it, from the mention's place or, without one, from the instance. */
export async function answerPlace(
  ctx: MastodonContext,
  statusId: string,
  place: Record<string, string> | undefined,
): Promise<AnswerPlace> {
  if (place?.visibility && place.acct)
    return { statusId, visibility: place.visibility, acct: place.acct, spoilerText: place.spoilerText };
  const status = await callMastodon(ctx, ['api'], () => ctx.rest.v1.statuses.$select(statusId).fetch.$raw(), 'refuse');
  return {
    statusId,
    visibility: status.visibility,
    acct: status.account.acct,
    spoilerText: status.spoilerText || undefined,
  };
}

/**
 * Posts one status with an Idempotency-Key (the outbox's key: a resend with it within an hour returns
 * the status already made instead of a second one), checked against the instance's max_characters
 * (links 23, the content warning included) first. Not even tried while a window is used up.
 */
export async function postStatus(
  ctx: MastodonContext,
  facts: InstanceFacts,
  key: string,
  text: string,
  o: { inReplyToId?: string; visibility: string; spoilerText?: string },
): Promise<SendResult> {
  const length = measureStatus(text, o.spoilerText ?? '', facts.urlLength);
  if (length > facts.maxCharacters)
    throw new SendError(
      'rejected',
      `status is ${length} characters; this instance allows ${facts.maxCharacters}`,
      false,
    );
  const params: mastodon.rest.v1.CreateStatusParams = {
    status: text,
    visibility: o.visibility as mastodon.v1.StatusVisibility,
    ...(o.inReplyToId ? { inReplyToId: o.inReplyToId } : {}),
    ...(o.spoilerText ? { spoilerText: o.spoilerText } : {}),
  };
  const created = await callMastodon(
    ctx,
    ['api', 'statuses'],
    () => ctx.rest.v1.statuses.create.$raw(params, { requestInit: { headers: { 'Idempotency-Key': key } } }),
    'refuse',
  );
  return { externalId: created.id, url: created.url ?? created.uri, costUsd: 0 };
}

/** A public reply: in the customer's thread, never more visible than their post, their content warning kept. */
export async function sendReply(
  ctx: MastodonContext,
  facts: InstanceFacts,
  message: OutgoingReply,
): Promise<SendResult> {
  try {
    const place = await answerPlace(ctx, message.inReplyTo.id, message.inReplyTo.place);
    return await postStatus(ctx, facts, message.idempotencyKey, addressTo(place.acct, message.text), {
      inReplyToId: message.inReplyTo.id,
      visibility: narrowest('public', place.visibility),
      spoilerText: place.spoilerText,
    });
  } catch (error) {
    throw logged(ctx, message.idempotencyKey, toSendError(error, 'reply', ctx.limits.waitMs('api', 'statuses')));
  }
}

/** The private message: a `direct` status mentioning only the customer, in their thread when it answers a post. */
export async function sendDirect(
  ctx: MastodonContext,
  facts: InstanceFacts,
  message: OutgoingPrivate,
): Promise<SendResult> {
  try {
    const statusId = message.place?.statusId;
    const acct = message.place?.acct ?? message.recipient.handle;
    return await postStatus(ctx, facts, message.idempotencyKey, addressTo(acct, message.text), {
      visibility: 'direct',
      ...(statusId ? { inReplyToId: statusId } : {}),
      spoilerText: message.place?.spoilerText,
    });
  } catch (error) {
    throw logged(ctx, message.idempotencyKey, toSendError(error, 'direct', ctx.limits.waitMs('api', 'statuses')));
  }
}

function logged(ctx: MastodonContext, key: string, error: SendError): SendError {
  if (error.failure === 'auth') ctx.logger.error({ key }, error.message);
  return error;
}
