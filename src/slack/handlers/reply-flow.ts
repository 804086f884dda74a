import type { App, BlockAction, PlainTextInputAction, ViewSubmitAction } from '@slack/bolt';
import { findReplyTarget } from '../../cases/find-reply-target.js';
import { queueHumanReply } from '../../cases/queue-human-reply.js';
import type { DeskDeps } from '../desk-deps.js';
import { readModalContext } from '../render/render-modals.js';
import { checkDraft, renderReplyModal } from '../render/render-reply-modal.js';
import { CaseAction, Input, Modal } from '../slack-ids.js';
import { handleSubmission } from './handle-submission.js';
import { onButton } from './on-button.js';
import { tellUser } from './tell-user.js';

/**
 * Reply publicly: the only way anything typed in Slack reaches the customer. The button opens the
 * modal, each keystroke re-renders its length check and preview, and submitting queues the reply in
 * the outbox as the brand (the key comes from the modal, so a double submit sends once).
 */
export function registerReplyFlow(app: App, deps: DeskDeps): void {
  onButton(app, deps, CaseAction.Reply, async ({ id, actor, client, triggerId }) => {
    const target = await findReplyTarget(deps.db, id);
    if (!target)
      return tellUser(
        client,
        actor,
        `Case #${id} has no public post the brand may answer; write to the customer in private.`,
      );
    await client.views.open({
      trigger_id: triggerId,
      view: renderReplyModal(
        { caseId: id, channel: actor.channel, threadTs: actor.threadTs },
        target,
        '',
        deps.channelLimit(target.channel),
      ),
    });
  });

  // The live part: Slack sends the draft as it is typed; the modal is re-rendered around it.
  app.action<BlockAction<PlainTextInputAction>>(Input.ReplyText.action, async ({ ack, body, action, client }) => {
    await ack();
    const context = readModalContext(body.view?.private_metadata);
    if (!context || !body.view) return;
    try {
      const target = await findReplyTarget(deps.db, context.caseId);
      if (!target) return;
      await client.views.update({
        view_id: body.view.id,
        hash: body.view.hash,
        view: renderReplyModal(context, target, action.value ?? '', deps.channelLimit(target.channel)),
      });
    } catch (error) {
      // A newer keystroke already updated the view (hash_conflict), or Slack hiccupped: the next keystroke retries.
      deps.logger.debug({ error: String(error) }, 'reply preview not updated');
    }
  });

  app.view<ViewSubmitAction>(Modal.Reply, async ({ ack, body, view }) => {
    const text = view.state.values[Input.ReplyText.block]?.[Input.ReplyText.action]?.value ?? '';
    await handleSubmission(
      deps,
      { ack, body, view },
      Input.ReplyText.block,
      Modal.Reply,
      async ({ caseId }, userId) => {
        const target = await findReplyTarget(deps.db, caseId);
        if (!target) return { ok: false, message: 'This case has no public post the brand may answer.' };
        if (!text.trim()) return { ok: false, message: 'Write something first.' };
        const check = checkDraft(deps.channelLimit(target.channel), text);
        if (!check.fits)
          return { ok: false, message: `Too long: ${check.length} of ${check.max} characters on this channel.` };
        return queueHumanReply(deps.db, {
          caseId,
          userId,
          viewId: view.id,
          text,
          at: deps.now(),
          limit: deps.channelLimit,
        });
      },
    );
  });
}
