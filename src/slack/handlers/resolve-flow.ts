import type { App, BlockAction, ButtonAction, ViewSubmitAction } from '@slack/bolt';
import { resolveCase } from '../case-actions/resolve-case.js';
import type { DeskDeps } from '../desk-deps.js';
import { renderResolveModal } from '../render-modals.js';
import { CaseAction, Input, Modal } from '../slack-ids.js';
import { idFromButton } from './case-buttons.js';
import { handleSubmission } from './handle-submission.js';
import { actorOf, requireMember, runSafely, tellUser } from './tell-user.js';

/** Resolve: the button opens a modal for the outcome; submitting closes the case and schedules the follow-up. */
export function registerResolveFlow(app: App, deps: DeskDeps): void {
  app.action<BlockAction<ButtonAction>>(CaseAction.Resolve, async ({ ack, body, action, client }) => {
    await ack();
    const actor = actorOf(body);
    await runSafely(deps, client, actor, CaseAction.Resolve, async () => {
      if (!(await requireMember(deps, client, actor))) return;
      const caseId = idFromButton(action);
      if (Number.isNaN(caseId)) return tellUser(client, actor, 'That button does not belong to a case.');
      const view = renderResolveModal({ caseId, channel: actor.channel, threadTs: actor.threadTs }, deps.config.followUpDelayHours);
      await client.views.open({ trigger_id: body.trigger_id, view });
    });
  });

  app.view<ViewSubmitAction>(Modal.Resolve, async ({ ack, body, view }) => {
    const outcome = view.state.values[Input.Outcome.block]?.[Input.Outcome.action]?.selected_option?.value ?? '';
    const note = view.state.values[Input.ResolveNote.block]?.[Input.ResolveNote.action]?.value ?? '';
    await handleSubmission(deps, { ack, body, view }, Input.Outcome.block, Modal.Resolve, ({ caseId }, userId) =>
      resolveCase(deps.db, { caseId, userId, outcome, note, at: deps.now(), followUpDelayHours: deps.config.followUpDelayHours }));
  });
}
