import { SendError } from '../../core/channel-adapter.js';
import { findMarkedInChannel, markerFor } from '../delivery/find-marked-message.js';
import { postMessage, toExternalId } from '../delivery/post-message.js';
import { renderNotice } from '../render/render-notice.js';
import { type KindSender, queuedAt, targetText } from './kind-sender.js';

/** slack_notice: a line for the whole team channel (acknowledgements paused or resumed, and by whom). */
export const sendNotice: KindSender = {
  async send(row, d) {
    const notice = targetText(row, 'notice') ?? '';
    const message = renderNotice(notice, targetText(row, 'by'), markerFor(row.idempotencyKey));
    if (!message) throw new SendError('rejected', `unknown notice "${notice.slice(0, 40)}"`, false);
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
