import { type CaseView, loadCaseView } from '../../cases/load-case-view.js';
import { SendError, type SendResult } from '../../core/channel-adapter.js';
import { type OutboundRow, OutboundStatus } from '../../core/outbound.js';
import type { TogetherOutcome } from '../../outbox/outbox-transport.js';
import { findMarkersInChannel, findMarkersInThread, markerFor } from '../delivery/find-marked-message.js';
import { joinBurst, roomInBurst } from '../delivery/join-burst.js';
import { parseExternalId, postMessage, toExternalId } from '../delivery/post-message.js';
import type { SlackSendDeps } from '../delivery/slack-send-deps.js';
import { renderCaseGroup } from '../render/render-case-group.js';
import { renderCaseMessage } from '../render/render-case-message.js';
import { badTarget, caseIdOf, gone, type KindSender, queuedAt, sendAlone } from './kind-sender.js';

/**
 * slack_case: the case's top message, rendered from the database now (so it shows the current owner
 * and what the bot has sent), in the team channel or, during a burst, in the summary's thread.
 */
export const sendCaseMessage: KindSender = {
  send: (row, d) => sendAlone(sendCaseMessage, row, d),

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
    const cases: Array<{ row: OutboundRow; caseId: number }> = [];
    const ids = go.map(caseIdOf);
    const known = await d.db.case.findMany({
      where: { id: { in: ids.filter((id): id is number => id !== undefined) } },
      select: { id: true },
    });
    const exists = new Set(known.map((c) => c.id));
    for (const [i, row] of go.entries()) {
      const caseId = ids[i];
      if (caseId === undefined) outcomes.push({ row, error: badTarget(row) });
      else if (!exists.has(caseId)) outcomes.push({ row, error: gone(`case ${caseId}`) });
      else cases.push({ row, caseId });
    }
    if (!cases.length) return outcomes;
    // Rendered once the posting slot is granted: what the bot sent meanwhile is then on the message.
    const render = async () => {
      const views = await Promise.all(cases.map((c) => loadCaseView(d.db, c.caseId, d.now())));
      if (views.some((v) => !v))
        throw new SendError(
          'waiting',
          'a case of the message went away while it waited; the rest go without it',
          true,
          0,
        );
      const shown = views as CaseView[];
      return shown.length === 1
        ? renderCaseMessage(shown[0], markerFor(cases[0].row.idempotencyKey))
        : renderCaseGroup(shown.map((view, i) => ({ view, marker: markerFor(cases[i].row.idempotencyKey) })));
    };
    try {
      const posted = await postMessage(d, d.config.channelId, render, root);
      return [...outcomes, ...cases.map(({ row }) => ({ row, result: { externalId: toExternalId(posted, root) } }))];
    } catch (error) {
      return [...outcomes, ...cases.map(({ row }) => ({ row, error }))];
    }
  },

  async findSent(row, d) {
    const [answer] = await findCaseMessages([row], d);
    // Not read back to the row's queue time: unknown, so the row waits rather than posting twice.
    if (answer === undefined) throw new SendError('server', 'case message not found yet; checked again later', true);
    return answer;
  },

  findSentMany: (rows, d) => findCaseMessages(rows, d),
};

/**
 * Where the case messages of `rows` went, if they did: each row's marker, searched in one read of the
 * channel since the oldest row was queued, then in the threads of the burst summaries sent around then
 * (a case joins a summary posted before or after it was queued). One answer per row: its message, null
 * (read to the end: not posted) or undefined (not read that far yet: still unknown).
 */
async function findCaseMessages(rows: OutboundRow[], d: SlackSendDeps): Promise<Array<SendResult | null | undefined>> {
  const queued = await Promise.all(rows.map((row) => queuedAt(row, d)));
  const since = new Date(Math.min(...queued.map((q) => q.getTime())));
  const markers = rows.map((row) => markerFor(row.idempotencyKey));
  const channel = d.config.channelId;
  const results = new Map<string, SendResult>();
  const unknown = new Set<string>();
  for (const [marker, found] of await findMarkersInChannel(d, channel, markers, since)) {
    if (found) results.set(marker, { externalId: toExternalId({ channel, ts: found.ts }) });
    else if (found === undefined) unknown.add(marker);
  }
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
    const rest = markers.filter((m) => !results.has(m));
    const summary = parseExternalId(b.externalId);
    if (!rest.length || !summary) continue;
    for (const [marker, found] of await findMarkersInThread(d, summary.channel, summary.ts, rest, since)) {
      if (found) {
        results.set(marker, { externalId: toExternalId({ channel: summary.channel, ts: found.ts }, summary.ts) });
        unknown.delete(marker);
      } else if (found === undefined) unknown.add(marker);
    }
  }
  return markers.map((m) => results.get(m) ?? (unknown.has(m) ? undefined : null));
}
