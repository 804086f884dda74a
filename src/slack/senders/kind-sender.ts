import type { SendResult } from '../../core/channel-adapter.js';
import { SendError } from '../../core/channel-adapter.js';
import type { OutboundRow } from '../../core/outbound.js';
import type { StartRows, TogetherOutcome } from '../../outbox/outbox-transport.js';
import { parseJson } from '../../store/db-types.js';
import { findMarkedInChannel, markerFor } from '../delivery/find-marked-message.js';
import { toExternalId } from '../delivery/post-message.js';
import type { SlackSendDeps } from '../delivery/slack-send-deps.js';

/**
 * How one outbox kind goes to Slack. `findSent` answers, after a crash mid-send, whether the message is
 * already there; kinds without it are safe to send again (updates re-render the same state).
 */
export interface KindSender {
  send(row: OutboundRow, d: SlackSendDeps): Promise<SendResult>;
  findSent?(row: OutboundRow, d: SlackSendDeps): Promise<SendResult | null>;
  /** findSent for several rows of this kind in one platform read; undefined for a row not checked yet. */
  findSentMany?(rows: OutboundRow[], d: SlackSendDeps): Promise<Array<SendResult | null | undefined>>;
  /** Several rows of this kind as one message where that is right (OutboxTransport.sendTogether). */
  sendTogether?(rows: OutboundRow[], d: SlackSendDeps, start: StartRows): Promise<TogetherOutcome[]>;
}

/** A whole-number id from the row's target (caseId, mentionId...), or a final error: retrying cannot fix it. */
export function targetId(row: OutboundRow, field: string): number {
  const value = parseJson<Record<string, unknown>>(row.target, {})[field];
  if (typeof value !== 'number' || !Number.isInteger(value)) throw badTarget(row, field);
  return value;
}

/** The final error for a row whose target lacks the id its kind needs. */
export function badTarget(row: OutboundRow, field = 'caseId'): SendError {
  return new SendError('rejected', `outbound ${row.id} (${row.kind}) has no ${field} in its target`, false);
}

/** The row's caseId, or undefined when its target has none (see targetId for the error). */
export function caseIdOf(row: OutboundRow): number | undefined {
  try {
    return targetId(row, 'caseId');
  } catch {
    return undefined;
  }
}

/**
 * `send` for a kind that sends rows together: the row alone, through the same path, so one message and
 * several go out the same way.
 */
export async function sendAlone(sender: KindSender, row: OutboundRow, d: SlackSendDeps): Promise<SendResult> {
  const [outcome] = await sender.sendTogether!([row], d, async (rows) => rows);
  if (!outcome) throw new SendError('server', `outbound ${row.id} (${row.kind}) was not sent`, true);
  if ('error' in outcome) throw outcome.error;
  return outcome.result;
}

/** A string field of the row's target, or undefined. */
export function targetText(row: OutboundRow, field: string): string | undefined {
  const value = parseJson<Record<string, unknown>>(row.target, {})[field];
  return typeof value === 'string' ? value : undefined;
}

/** When the row was queued: no message for it can be older, so history lookups start there. */
export async function queuedAt(row: OutboundRow, d: SlackSendDeps): Promise<Date> {
  const stored = await d.db.outboundMessage.findUnique({ where: { id: row.id }, select: { createdAt: true } });
  return stored?.createdAt ?? new Date(d.now().getTime() - 86_400_000);
}

/** A final error for a message whose subject is gone. */
export function gone(what: string): SendError {
  return new SendError('rejected', `${what} does not exist`, false);
}

/**
 * findSent for a direct message to the team member in `target.to`: posting to a user id lands in the
 * app's DM with them, whose channel id comes from conversations.open; the marker is searched there.
 */
export async function findSentInDirectMessage(row: OutboundRow, d: SlackSendDeps): Promise<SendResult | null> {
  const to = targetText(row, 'to');
  if (!to) return null;
  const dm = await d.client.conversations.open({ users: to });
  const channel = (dm.channel as { id?: string } | undefined)?.id;
  if (!channel) return null;
  const found = await findMarkedInChannel(d, channel, markerFor(row.idempotencyKey), await queuedAt(row, d));
  return found ? { externalId: toExternalId({ channel, ts: found.ts }) } : null;
}
