import { caseMessageKey } from '../../cases/case-intents.js';
import { SendError } from '../../core/channel-adapter.js';
import { OutboundStatus } from '../../core/outbound.js';
import { parseExternalId } from './post-message.js';
import type { SlackSendDeps } from './slack-send-deps.js';
import { waitingFor } from './to-send-error.js';

/** Where a case lives in Slack: its top message, and the thread its events go to. */
export interface CaseThread {
  channel: string;
  /** The case's own message (what chat.update targets). */
  ts: string;
  /** The thread root: the case message itself, or the burst summary it was posted under. */
  root: string;
  /** True when the case shares a burst summary's thread with others (lines then name the case). */
  inBurst: boolean;
}

/**
 * Finds the case's message. Before it is posted, a message about the case must wait (retryable, not an
 * attempt); if posting it failed for good, the wait would never end, so the message fails too.
 */
export async function locateCaseThread(d: SlackSendDeps, caseId: number): Promise<CaseThread> {
  const c = await d.db.case.findUnique({ where: { id: caseId }, select: { slackChannel: true, slackTs: true } });
  if (!c) throw new SendError('rejected', `case ${caseId} does not exist`, false);
  const row = await d.db.outboundMessage.findUnique({
    where: { idempotencyKey: caseMessageKey(caseId) },
    select: { status: true, externalId: true },
  });
  if (c.slackChannel && c.slackTs) {
    const root = parseExternalId(row?.externalId)?.threadRoot;
    return { channel: c.slackChannel, ts: c.slackTs, root: root ?? c.slackTs, inBurst: Boolean(root) };
  }
  if (!row) throw new SendError('rejected', `case ${caseId} has no Slack message queued`, false);
  if (row.status === OutboundStatus.Failed)
    throw new SendError('rejected', `the top message of case ${caseId} could not be posted`, false);
  throw waitingFor(`the top message of case ${caseId}`);
}
