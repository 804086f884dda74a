import type { KnownBlock } from '@slack/types';
import { loadCaseView } from '../../cases/load-case-view.js';
import { parseJson } from '../../store/db-types.js';
import { markerFor } from '../delivery/find-marked-message.js';
import { locateCaseThread } from '../delivery/locate-case-thread.js';
import { postMessage, toExternalId } from '../delivery/post-message.js';
import { describeActor } from '../render/describe-case-event.js';
import { formatLink, quoteEscaped } from '../render/format-slack-text.js';
import { renderCaseMessage } from '../render/render-case-message.js';
import { findSentInDirectMessage, gone, type KindSender, targetId, targetText } from './kind-sender.js';

/**
 * slack_handoff: a direct message to the person a case was handed to: who handed it over, their note,
 * a link to the thread, and the whole case as its top message shows it, so nothing needs re-telling.
 */
export const sendHandoff: KindSender = {
  async send(row, d) {
    const caseId = targetId(row, 'caseId');
    const to = targetText(row, 'to');
    if (!to) throw gone(`the recipient of outbound ${row.id}`);
    const thread = await locateCaseThread(d, caseId);
    const view = await loadCaseView(d.db, caseId, d.now());
    const event = await d.db.caseEvent.findUnique({
      where: { id: targetId(row, 'eventId') },
      select: { actor: true, detail: true },
    });
    if (!view || !event) throw gone(`case ${caseId} or its hand-off`);
    const note = parseJson<{ note?: string }>(event.detail, {}).note;
    const link = await d.client.chat.getPermalink({ channel: thread.channel, message_ts: thread.ts });
    const intro =
      `:arrow_right_hook: ${describeActor(event.actor)} handed you ` +
      `*case #${caseId}*. ${formatLink(link.permalink, 'Open its thread')}` +
      (note ? `\n${quoteEscaped(note, 2000)}` : '');
    const caseMessage = renderCaseMessage(view);
    const blocks: KnownBlock[] = [
      {
        type: 'section',
        block_id: markerFor(row.idempotencyKey),
        text: { type: 'mrkdwn', verbatim: true, text: intro },
      },
      { type: 'divider' },
      ...caseMessage.blocks,
    ];
    const posted = await postMessage(d, to, { text: `Case #${caseId} was handed to you. ${caseMessage.text}`, blocks });
    return { externalId: toExternalId(posted) };
  },

  findSent: findSentInDirectMessage,
};
