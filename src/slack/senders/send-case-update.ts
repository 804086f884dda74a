import { caseMessageKey } from '../../cases/case-intents.js';
import { loadCaseView } from '../../cases/load-case-view.js';
import { markerFor } from '../delivery/find-marked-message.js';
import { locateCaseThread } from '../delivery/locate-case-thread.js';
import { toExternalId, updateMessage } from '../delivery/post-message.js';
import { renderCaseMessage } from '../render/render-case-message.js';
import { gone, type KindSender, targetId } from './kind-sender.js';

/**
 * slack_case_update: re-renders the case's top message (chat.update) from the database, so it always
 * shows the current owner and state. Sending it twice does no harm, hence no findSent.
 */
export const sendCaseUpdate: KindSender = {
  async send(row, d) {
    const caseId = targetId(row, 'caseId');
    const thread = await locateCaseThread(d, caseId);
    const view = await loadCaseView(d.db, caseId, d.now());
    if (!view) throw gone(`case ${caseId}`);
    // The original post's marker stays, so a lookup for that post still finds it after updates.
    const updated = await updateMessage(
      d,
      { channel: thread.channel, ts: thread.ts },
      renderCaseMessage(view, markerFor(caseMessageKey(caseId))),
    );
    return { externalId: toExternalId(updated) };
  },
};
