import { loadCaseView } from '../../cases/load-case-view.js';
import { OutboundStatus } from '../../core/outbound.js';
import { findMarkedInChannel, findMarkedInThread, markerFor } from '../delivery/find-marked-message.js';
import { joinBurst } from '../delivery/join-burst.js';
import { parseExternalId, postMessage, toExternalId } from '../delivery/post-message.js';
import { renderCaseMessage } from '../render/render-case-message.js';
import { gone, type KindSender, queuedAt, targetId } from './kind-sender.js';

/**
 * slack_case: the case's top message, rendered from the database now (so it shows the current owner
 * and what the bot has sent), in the team channel or, during a burst, in the summary's thread.
 */
export const sendCaseMessage: KindSender = {
  async send(row, d) {
    const caseId = targetId(row, 'caseId');
    const view = await loadCaseView(d.db, caseId, d.now());
    if (!view) throw gone(`case ${caseId}`);
    const root = await joinBurst(d, row);
    const posted = await postMessage(
      d,
      d.config.channelId,
      renderCaseMessage(view, markerFor(row.idempotencyKey)),
      root,
    );
    return { externalId: toExternalId(posted, root) };
  },

  async findSent(row, d) {
    const since = await queuedAt(row, d);
    const marker = markerFor(row.idempotencyKey);
    const top = await findMarkedInChannel(d, d.config.channelId, marker, since);
    if (top) return { externalId: toExternalId({ channel: d.config.channelId, ts: top.ts }) };
    // It may have joined a burst summary that was posted before or after it was queued.
    const bursts = await d.db.outboundMessage.findMany({
      where: {
        kind: 'slack_burst',
        status: OutboundStatus.Sent,
        sentAt: { gte: new Date(since.getTime() - d.config.burstWindowMinutes * 60_000) },
      },
      orderBy: { id: 'desc' },
      take: 5,
      select: { externalId: true },
    });
    for (const b of bursts) {
      const summary = parseExternalId(b.externalId);
      if (!summary) continue;
      const found = await findMarkedInThread(d, summary.channel, summary.ts, marker, since);
      if (found) return { externalId: toExternalId({ channel: summary.channel, ts: found.ts }, summary.ts) };
    }
    return null;
  },
};
