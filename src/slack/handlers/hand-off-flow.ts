import type { App, ViewSubmitAction } from '@slack/bolt';
import { handOffCase } from '../../cases/hand-off-case.js';
import type { DeskDeps } from '../desk-deps.js';
import { renderHandOffModal } from '../render/render-modals.js';
import { CaseAction, Input, Modal } from '../slack-ids.js';
import { handleSubmission } from './handle-submission.js';
import { onButton } from './on-button.js';

/**
 * Hand off: the button opens a modal (person + note); submitting it moves the case, in the modal's
 * own answer when something is wrong (not in the team, case closed), so the person can fix it there.
 */
export function registerHandOffFlow(app: App, deps: DeskDeps): void {
  onButton(app, deps, CaseAction.HandOff, ({ id, actor, client, triggerId }) =>
    client.views.open({
      trigger_id: triggerId,
      view: renderHandOffModal({ caseId: id, channel: actor.channel, threadTs: actor.threadTs }),
    }),
  );

  app.view<ViewSubmitAction>(Modal.HandOff, async ({ ack, body, view }) => {
    const to = view.state.values[Input.HandOffTo.block]?.[Input.HandOffTo.action]?.selected_user ?? '';
    const note = view.state.values[Input.HandOffNote.block]?.[Input.HandOffNote.action]?.value ?? '';
    await handleSubmission(
      deps,
      { ack, body, view },
      Input.HandOffTo.block,
      Modal.HandOff,
      async ({ caseId }, userId) => {
        if (!to) return { ok: false, message: 'Choose someone.' };
        if (!(await deps.isMember(to)))
          return { ok: false, message: 'They are not in the support team; choose a team member.' };
        return handOffCase(deps.db, { caseId, from: userId, to, note, at: deps.now() });
      },
    );
  });
}
