import { describeError } from '../../core/app-error.js';
import { SendError } from '../../core/channel-adapter.js';
import { buildDigest } from '../../digest/build-digest.js';
import { periodFromTarget } from '../../digest/post-digest.js';
import { queryDigestData } from '../../digest/query-digest-data.js';
import { renderDigestChart } from '../../digest/render-digest-chart.js';
import { parseJson } from '../../store/db-types.js';
import { findMarkedInChannel, markerFor } from '../delivery/find-marked-message.js';
import { postMessage, toExternalId } from '../delivery/post-message.js';
import { renderDigestBlocks } from '../render/render-digest-blocks.js';
import { type KindSender, queuedAt, targetText } from './kind-sender.js';

/**
 * slack_digest: the managers' digest. The text was written when the digest was queued (so it reports
 * the period as it was); the chart is drawn now from the same period and uploaded into the digest's
 * thread. A chart that fails to draw or upload is logged, never a reason to post the digest twice.
 */
export const sendDigest: KindSender = {
  async send(row, d) {
    const channel = targetText(row, 'channelId');
    if (!channel) throw new SendError('rejected', `digest ${row.id} has no channelId`, false);
    const posted = await postMessage(d, channel, renderDigestBlocks(row.text, markerFor(row.idempotencyKey)));
    try {
      const period = periodFromTarget(parseJson(row.target, {}) as Parameters<typeof periodFromTarget>[0]);
      const provider = d.databaseProvider ?? 'sqlite';
      const png = await renderDigestChart(buildDigest(await queryDigestData(d.db, period, provider)));
      await d.pacer.wait(posted.channel);
      await d.client.files.uploadV2({
        channel_id: posted.channel,
        thread_ts: posted.ts,
        file: png,
        filename: 'mentions-digest.png',
        title: 'Mentions and complaint share',
      });
    } catch (error) {
      d.logger.warn({ outboundId: row.id, error: describeError(error) }, 'digest posted without its chart');
    }
    return { externalId: toExternalId(posted) };
  },

  async findSent(row, d) {
    const channel = targetText(row, 'channelId');
    if (!channel) return null;
    const found = await findMarkedInChannel(d, channel, markerFor(row.idempotencyKey), await queuedAt(row, d));
    return found ? { externalId: toExternalId({ channel, ts: found.ts }) } : null;
  },
};
