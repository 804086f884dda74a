import { loadMentionView } from '../../cases/load-case-view.js';
import { SendError } from '../../core/channel-adapter.js';
import { type OutboundRow, OutboundStatus } from '../../core/outbound.js';
import { type DbTx, parseJson } from '../../store/db-types.js';
import { findMarkedInChannel, markerFor } from '../delivery/find-marked-message.js';
import { parseExternalId, postMessage, toExternalId, updateMessage } from '../delivery/post-message.js';
import { waitingFor } from '../delivery/to-send-error.js';
import { type MaybeMissedItem, renderMaybeMissed } from '../render/render-maybe-missed.js';
import { type KindSender, queuedAt, targetText } from './kind-sender.js';

/** What a slack_maybe_missed row carries: the mentions, best first, and the threshold they were below. */
export interface MaybeMissedTarget {
  mentionIds: number[];
  threshold: number;
}

/** The list's mentions as they stand now (deleted ones dropped), with the cases made from them. */
async function loadItems(db: DbTx, target: MaybeMissedTarget): Promise<MaybeMissedItem[]> {
  const items: MaybeMissedItem[] = [];
  for (const id of target.mentionIds) {
    const mention = await loadMentionView(db, id);
    if (!mention) continue;
    const row = await db.mention.findUnique({ where: { id }, select: { caseId: true } });
    const label = await db.label.findFirst({
      where: { mentionId: id, source: 'slack:maybe_missed' },
      orderBy: { id: 'desc' },
      select: { by: true },
    });
    items.push({ mention, caseId: row?.caseId ?? undefined, by: label?.by.replace(/^slack:/, '') });
  }
  return items;
}

const targetOf = (row: Pick<OutboundRow, 'target'>) =>
  parseJson<MaybeMissedTarget>(row.target, { mentionIds: [], threshold: 0.5 });

/** slack_maybe_missed: the daily list in the team channel. */
export const sendMaybeMissed: KindSender = {
  async send(row, d) {
    const target = targetOf(row);
    const message = renderMaybeMissed(await loadItems(d.db, target), target.threshold, markerFor(row.idempotencyKey));
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

/** slack_maybe_missed_update: the list re-rendered after someone made a case from it (that button goes away). */
export const sendMaybeMissedUpdate: KindSender = {
  async send(row, d) {
    const listKey = targetText(row, 'listKey') ?? '';
    const list = await d.db.outboundMessage.findUnique({
      where: { idempotencyKey: listKey },
      select: { status: true, externalId: true, idempotencyKey: true, target: true },
    });
    if (!list || list.status === OutboundStatus.Failed)
      throw new SendError('rejected', `the maybe-missed list ${listKey} was never posted`, false);
    const at = parseExternalId(list.externalId);
    if (list.status !== OutboundStatus.Sent || !at) throw waitingFor(`the maybe-missed list ${listKey}`);
    const target = targetOf(list);
    const message = renderMaybeMissed(await loadItems(d.db, target), target.threshold, markerFor(list.idempotencyKey));
    return { externalId: toExternalId(await updateMessage(d, at, message)) };
  },
};
