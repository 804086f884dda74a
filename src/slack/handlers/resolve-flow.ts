import type { App, ViewSubmitAction } from '@slack/bolt';
import { resolveCase } from '../../cases/resolve-case.js';
import type { DeskDeps } from '../desk-deps.js';
import { renderResolveModal } from '../render/render-modals.js';
import { CaseAction, Input, Modal } from '../slack-ids.js';
import { handleSubmission } from './handle-submission.js';
import { onButton } from './on-button.js';

/** Resolve: the button opens a modal for the outcome; submitting closes the case and schedules the follow-up. */
export function registerResolveFlow(app: App, deps: DeskDeps): void {
  onButton(app, deps, CaseAction.Resolve, ({ id, actor, client, triggerId }) =>
    client.views.open({
      trigger_id: triggerId,
      view: renderResolveModal(
        { caseId: id, channel: actor.channel, threadTs: actor.threadTs },
        deps.config.followUpDelayHours,
      ),
    }),
  );

  app.view<ViewSubmitAction>(Modal.Resolve, async ({ ack, body, view }) => {
    const outcome = view.state.values[Input.Outcome.block]?.[Input.Outcome.action]?.selected_option?.value ?? '';
    const note = view.state.values[Input.ResolveNote.block]?.[Input.ResolveNote.action]?.value ?? '';
    await handleSubmission(deps, { ack, body, view }, Input.Outcome.block, Modal.Resolve, ({ caseId }, userId) =>
      resolveCase(deps.db, {
        caseId,
        userId,
        outcome,
        note,
        at: deps.now(),
        followUpDelayHours: deps.config.followUpDelayHours,
      }),
    );
  });
}
