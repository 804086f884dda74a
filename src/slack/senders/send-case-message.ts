import { type CaseView, loadCaseView } from '../../cases/load-case-view.js';
import { type OutboundRow, OutboundStatus } from '../../core/outbound.js';
import type { TogetherOutcome } from '../../outbox/outbox-transport.js';
import { findMarkedInChannel, findMarkedInThread, markerFor } from '../delivery/find-marked-message.js';
import { joinBurst, roomInBurst } from '../delivery/join-burst.js';
import { parseExternalId, postMessage, toExternalId } from '../delivery/post-message.js';
import { renderCaseGroup } from '../render/render-case-group.js';
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

  /**
   * Cases waiting together during a burst go into its thread as one message (up to
   * SLACK_BURST_CASES_PER_POST), each with its own marker: after an outage a backlog of hundreds drains
   * at several cases per post instead of one a second. Outside a burst a case is a message of its own
   * (its own thread), so only the first goes.
   */
  async sendTogether(rows, d, start) {
    const root = await joinBurst(d, rows[0]);
    const room = root ? Math.min(d.config.burstCasesPerPost ?? 1, await roomInBurst(d, root)) : 1;
    const go = await start(rows.slice(0, Math.max(1, room)));
    const outcomes: TogetherOutcome[] = [];
    const cases: Array<{ row: OutboundRow; view: CaseView }> = [];
    for (const row of go) {
      try {
        const caseId = targetId(row, 'caseId');
        const view = await loadCaseView(d.db, caseId, d.now());
        if (view) cases.push({ row, view });
        else outcomes.push({ row, error: gone(`case ${caseId}`) });
      } catch (error) {
        outcomes.push({ row, error });
      }
    }
    if (!cases.length) return outcomes;
    const message =
      cases.length === 1
        ? renderCaseMessage(cases[0].view, markerFor(cases[0].row.idempotencyKey))
        : renderCaseGroup(cases.map((c) => ({ view: c.view, marker: markerFor(c.row.idempotencyKey) })));
    try {
      const posted = await postMessage(d, d.config.channelId, message, root);
      return [...outcomes, ...cases.map(({ row }) => ({ row, result: { externalId: toExternalId(posted, root) } }))];
    } catch (error) {
      return [...outcomes, ...cases.map(({ row }) => ({ row, error }))];
    }
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
