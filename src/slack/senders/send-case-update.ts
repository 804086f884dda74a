import { caseMessageKey } from '../../cases/case-intents.js';
import { type CaseView, loadCaseView } from '../../cases/load-case-view.js';
import { markerFor } from '../delivery/find-marked-message.js';
import { type CaseThread, locateCaseThread } from '../delivery/locate-case-thread.js';
import { toExternalId, updateMessage } from '../delivery/post-message.js';
import type { SlackSendDeps } from '../delivery/slack-send-deps.js';
import { renderCaseGroup } from '../render/render-case-group.js';
import { renderCaseMessage, type SlackMessage } from '../render/render-case-message.js';
import { caseIdOf, gone, type KindSender, sendAlone, targetId } from './kind-sender.js';

/**
 * slack_case_update: re-renders the case's top message (chat.update) from the database, so it always
 * shows the current owner and state. Sending it twice does no harm, hence no findSent. A case posted
 * together with others during a burst shares their message: the whole message is re-rendered.
 */
export const sendCaseUpdate: KindSender = {
  send: (row, d) => sendAlone(sendCaseUpdate, row, d),

  /**
   * Updates waiting together for one message (the same case twice, or cases sharing a burst message) are
   * one chat.update: each renders the message from the database as it is now, so one call serves them all.
   * Updates of other messages go on their own.
   */
  async sendTogether(rows, d, start) {
    const first = rows[0];
    let thread: CaseThread;
    try {
      thread = await locateCaseThread(d, targetId(first, 'caseId'));
    } catch (error) {
      return (await start([first])).map((row) => ({ row, error }));
    }
    const onMessage = await casesSharing(d, thread);
    const go = await start(rows.filter((r, i) => i === 0 || onMessage.includes(caseIdOf(r) ?? -1)));
    if (!go.length) return [];
    try {
      const updated = await updateMessage(d, { channel: thread.channel, ts: thread.ts }, () =>
        renderCurrent(d, targetId(first, 'caseId'), onMessage),
      );
      return go.map((row) => ({ row, result: { externalId: toExternalId(updated) } }));
    } catch (error) {
      return go.map((row) => ({ row, error }));
    }
  },
};

/** The cases shown on the message at `at` (one, or several cases of a burst posted together). */
async function casesSharing(d: SlackSendDeps, at: { channel: string; ts: string }): Promise<number[]> {
  const cases = await d.db.case.findMany({
    where: { slackChannel: at.channel, slackTs: at.ts },
    orderBy: { id: 'asc' },
    select: { id: true },
  });
  return cases.map((c) => c.id);
}

async function renderCurrent(d: SlackSendDeps, caseId: number, sharing: number[]): Promise<SlackMessage> {
  if (sharing.length <= 1) {
    const view = await loadCaseView(d.db, caseId, d.now());
    if (!view) throw gone(`case ${caseId}`);
    return renderCaseMessage(view, markerFor(caseMessageKey(caseId)));
  }
  const views: CaseView[] = [];
  for (const id of sharing) {
    const view = await loadCaseView(d.db, id, d.now());
    if (view) views.push(view);
  }
  if (!views.some((v) => v.id === caseId)) throw gone(`case ${caseId}`);
  return renderCaseGroup(views.map((view) => ({ view, marker: markerFor(caseMessageKey(view.id)) })));
}
