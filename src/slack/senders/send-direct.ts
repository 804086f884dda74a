import type { OutboundRow } from '../../core/outbound.js';
import { markerFor } from '../delivery/find-marked-message.js';
import { postMessage, toExternalId } from '../delivery/post-message.js';
import type { SlackSendDeps } from '../delivery/slack-send-deps.js';
import { escapeMrkdwn } from '../render/escape-mrkdwn.js';
import { channelName, formatHandle } from '../render/format-slack-text.js';
import { describeFlaggedForAdvocate, loadAdvocateReply } from '../render/render-advocate-reply.js';
import { findSentInDirectMessage, gone, type KindSender, targetId, targetText } from './kind-sender.js';

/** The words of a direct message, rendered from the database at send time (target.notice says which). */
async function renderDirect(row: OutboundRow, d: SlackSendDeps): Promise<string> {
  const notice = targetText(row, 'notice');
  if (notice === 'advocate_verified') {
    const a = await d.db.advocate.findUnique({ where: { id: targetId(row, 'advocateId') } });
    if (!a?.verifiedAt) throw gone(`the verified account of outbound ${row.id}`);
    return (
      `:white_check_mark: ${formatHandle(a.handle, 100)} on ` +
      `${escapeMrkdwn(channelName(a.channel))} is verified as yours. ` +
      'When you answer a customer with an open case from it, your reply joins the case, counts as its first answer, ' +
      'and the bot stays out of it. You may delete the post with the code now.'
    );
  }
  if (notice === 'advocate_flagged') {
    const reply = await loadAdvocateReply(d.db, targetId(row, 'mentionId'));
    if (!reply) throw gone(`the advocate reply of outbound ${row.id}`);
    return describeFlaggedForAdvocate(reply);
  }
  throw gone(`notice "${escapeMrkdwn(String(notice)).slice(0, 40)}"`);
}

/** slack_direct: a direct message to one team member about their own advocate account or reply. */
export const sendDirect: KindSender = {
  async send(row, d) {
    const to = targetText(row, 'to');
    if (!to) throw gone(`the recipient of outbound ${row.id}`);
    const text = await renderDirect(row, d);
    const posted = await postMessage(d, to, {
      text,
      blocks: [
        { type: 'section', block_id: markerFor(row.idempotencyKey), text: { type: 'mrkdwn', verbatim: true, text } },
      ],
    });
    return { externalId: toExternalId(posted) };
  },

  findSent: findSentInDirectMessage,
};
