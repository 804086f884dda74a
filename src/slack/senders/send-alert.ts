import { loadMentionView } from '../../cases/load-case-view.js';
import { SendError } from '../../core/channel-adapter.js';
import { OutboundStatus } from '../../core/outbound.js';
import { type DbTx, parseJson } from '../../store/db-types.js';
import { findMarkedInChannel, markerFor } from '../delivery/find-marked-message.js';
import { parseExternalId, postMessage, toExternalId, updateMessage } from '../delivery/post-message.js';
import { waitingFor } from '../delivery/to-send-error.js';
import { type AlertOutcome, renderAlert } from '../render/render-alert.js';
import { gone, type KindSender, queuedAt, targetId } from './kind-sender.js';

/** The case made from an alert's post, and who made it; null while there is none. */
async function alertOutcome(db: DbTx, mentionId: number): Promise<AlertOutcome | null> {
  const m = await db.mention.findUnique({ where: { id: mentionId }, select: { caseId: true } });
  if (!m?.caseId) return null;
  const events = await db.caseEvent.findMany({
    where: { caseId: m.caseId, type: { in: ['opened_from_alert', 'alert_added'] } },
    select: { actor: true, detail: true },
  });
  const mine = events.find((e) => parseJson<{ mentionId?: number }>(e.detail, {}).mentionId === mentionId);
  return { caseId: m.caseId, by: mine?.actor.startsWith('slack:') ? mine.actor.slice(6) : undefined };
}

/** slack_alert: a keyword mention the bot may not answer, with a button to make a case of it. */
export const sendAlert: KindSender = {
  async send(row, d) {
    const mentionId = targetId(row, 'mentionId');
    const m = await loadMentionView(d.db, mentionId);
    if (!m) throw gone(`mention ${mentionId}`);
    const message = renderAlert(m, await alertOutcome(d.db, mentionId), markerFor(row.idempotencyKey));
    return { externalId: toExternalId(await postMessage(d, d.config.channelId, message)) };
  },

  async findSent(row, d) {
    const found = await findMarkedInChannel(
      d,
      d.config.channelId,
      markerFor(row.idempotencyKey),
      await queuedAt(row, d),
    );
    return found ? { externalId: toExternalId({ channel: d.config.channelId, ts: found.ts }) } : null;
  },
};

/** slack_alert_update: the alert re-rendered once a case was made from it (its button goes away). */
export const sendAlertUpdate: KindSender = {
  async send(row, d) {
    const mentionId = targetId(row, 'mentionId');
    const alert = await d.db.outboundMessage.findFirst({
      where: { kind: 'slack_alert', mentionId },
      orderBy: { id: 'desc' },
      select: { status: true, externalId: true, idempotencyKey: true },
    });
    if (!alert || alert.status === OutboundStatus.Failed)
      throw new SendError('rejected', `the alert for mention ${mentionId} was never posted`, false);
    const at = parseExternalId(alert.externalId);
    if (alert.status !== OutboundStatus.Sent || !at) throw waitingFor(`the alert for mention ${mentionId}`);
    const m = await loadMentionView(d.db, mentionId);
    if (!m) throw gone(`mention ${mentionId}`);
    const message = renderAlert(m, await alertOutcome(d.db, mentionId), markerFor(alert.idempotencyKey));
    return { externalId: toExternalId(await updateMessage(d, at, message)) };
  },
};
