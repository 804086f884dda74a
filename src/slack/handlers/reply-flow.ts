import type { App, BlockAction, PlainTextInputAction, ViewSubmitAction } from '@slack/bolt';
import { type AdvocateCheck, checkAdvocateText } from '../../advocacy/check-advocate-text.js';
import { findReplyTarget } from '../../cases/find-reply-target.js';
import { loadEarlierReplies } from '../../cases/load-earlier-replies.js';
import { markDrafting } from '../../cases/mark-drafting.js';
import { queueHumanReply } from '../../cases/queue-human-reply.js';
import { recordOwnAccountDraft } from '../../cases/record-own-account-draft.js';
import type { DeskDeps } from '../desk-deps.js';
import { formatSlackDate, formatSlackMention } from '../render/format-slack-text.js';
import { type ModalContext, readModalContext } from '../render/render-modals.js';
import {
  checkDraft,
  ReplyHow,
  type ReplyModalSurroundings,
  renderOwnAccountReady,
  renderReplyModal,
} from '../render/render-reply-modal.js';
import { CaseAction, Input, Modal } from '../slack-ids.js';
import { handleSubmission } from './handle-submission.js';
import { onButton } from './on-button.js';
import { tellUser } from './tell-user.js';

/** The advocate check of a draft against the replies people sent lately. */
async function checkText(deps: DeskDeps, text: string): Promise<AdvocateCheck> {
  if (!text.trim()) return { flagged: false, findings: [] };
  return checkAdvocateText(text, deps.advocateRules, await loadEarlierReplies(deps.db, deps.now()));
}

/** What the modal shows around the draft, read fresh: the check, and the owner when it is someone else. */
async function surroundings(
  deps: DeskDeps,
  caseId: number,
  userId: string,
  text: string,
  otherDrafter?: ReplyModalSurroundings['otherDrafter'],
): Promise<ReplyModalSurroundings> {
  const c = await deps.db.case.findUnique({ where: { id: caseId }, select: { ownerSlackId: true } });
  const otherOwner = c?.ownerSlackId && c.ownerSlackId !== userId ? c.ownerSlackId : undefined;
  return { check: await checkText(deps, text), otherOwner, otherDrafter };
}

/**
 * Reply publicly: the only way anything typed in Slack reaches the customer. The button marks the case
 * "drafting" (the collision guard) and opens the modal; each keystroke re-renders its length check, the
 * advocate check and the preview; submitting queues the reply in the outbox as the brand (the key comes
 * from the modal, so a double submit sends once) or, for "I'll post it from my account", records who
 * answers and shows the text ready to copy.
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
    const marked = await markDrafting(deps.db, {
      caseId: id,
      userId: actor.userId,
      at: deps.now(),
      minutes: deps.config.draftingMarkMinutes,
    });
    const context: ModalContext = { caseId: id, channel: actor.channel, threadTs: actor.threadTs };
    await client.views.open({
      trigger_id: triggerId,
      view: renderReplyModal(
        context,
        target,
        '',
        deps.channelLimit(target.channel),
        await surroundings(deps, id, actor.userId, '', marked.otherDrafter),
      ),
    });
    if (marked.otherDrafter)
      await tellUser(
        client,
        actor,
        `:pencil2: ${formatSlackMention(marked.otherDrafter.slackId)} is ` +
          `already drafting a reply to case #${id} (mark until ` +
          `${formatSlackDate(marked.otherDrafter.until, '{time}')}). You ` +
          `may go on; check the thread first.`,
      );
  });

  // The live part: Slack sends the draft as it is typed; the modal is re-rendered around it.
  app.action<BlockAction<PlainTextInputAction>>(Input.ReplyText.action, async ({ ack, body, action, client }) => {
    await ack();
    const context = readModalContext(body.view?.private_metadata);
    if (!context || !body.view) return;
    try {
      const target = await findReplyTarget(deps.db, context.caseId);
      if (!target) return;
      const text = action.value ?? '';
      await client.views.update({
        view_id: body.view.id,
        hash: body.view.hash,
        view: renderReplyModal(
          context,
          target,
          text,
          deps.channelLimit(target.channel),
          await surroundings(deps, context.caseId, body.user.id, text),
        ),
      });
    } catch (error) {
      // A newer keystroke already updated the view (hash_conflict), or Slack hiccupped: the next keystroke retries.
      deps.logger.debug({ error: String(error) }, 'reply preview not updated');
    }
  });

  app.view<ViewSubmitAction>(Modal.Reply, async ({ ack, body, view }) => {
    const values = view.state.values;
    const text = values[Input.ReplyText.block]?.[Input.ReplyText.action]?.value ?? '';
    const how = values[Input.ReplyHow.block]?.[Input.ReplyHow.action]?.selected_option?.value ?? ReplyHow.Brand;
    const overOwner = (values[Input.ReplyConfirm.block]?.[Input.ReplyConfirm.action]?.selected_options ?? []).some(
      (o) => o.value === 'confirm',
    );
    // The own-account path answers with the "ready to copy" view instead of closing the modal.
    let ready: Parameters<typeof ack>[0] | undefined;
    await handleSubmission(
      deps,
      { ack: (response) => ack(ready ?? response), body, view },
      Input.ReplyText.block,
      Modal.Reply,
      async ({ caseId }, userId) => {
        const target = await findReplyTarget(deps.db, caseId);
        if (!target) return { ok: false, message: 'This case has no public post the brand may answer.' };
        if (!text.trim()) return { ok: false, message: 'Write something first.' };
        const check = checkDraft(deps.channelLimit(target.channel), text);
        if (how === ReplyHow.OwnAccount) {
          const advocateCheck = await checkText(deps, text);
          const result = await recordOwnAccountDraft(deps.db, {
            caseId,
            userId,
            text,
            findings: advocateCheck.findings,
            at: deps.now(),
          });
          if (result.ok)
            ready = {
              response_action: 'update',
              view: renderOwnAccountReady(caseId, target, text, advocateCheck),
            };
          return result;
        }
        if (!check.fits)
          return { ok: false, message: `Too long: ${check.length} of ${check.max} characters on this channel.` };
        const result = await queueHumanReply(deps.db, {
          caseId,
          userId,
          viewId: view.id,
          text,
          at: deps.now(),
          limit: deps.channelLimit,
          overOwner,
        });
        if (!result.ok && result.reason === 'owned_by_other')
          return { ok: false, message: 'Someone else owns this case: tick "Send anyway" below to answer over them.' };
        return result;
      },
    );
  });
}
