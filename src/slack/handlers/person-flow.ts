import type { App, ViewSubmitAction } from '@slack/bolt';
import { decideSuggestion, type SuggestionResult } from '../../cases/decide-suggestion.js';
import { linkCustomerByHand } from '../../cases/link-customer-by-hand.js';
import { loadCustomerStory } from '../../cases/load-customer-story.js';
import { slackActor } from '../../cases/record-case-change.js';
import { unlinkIdentity } from '../../cases/unlink-identity.js';
import type { DeskDeps } from '../desk-deps.js';
import { renderLinkCustomerModal, renderStoryModal } from '../render/render-person-modals.js';
import { CaseAction, Input, LinkAction, Modal } from '../slack-ids.js';
import { handleSubmission } from './handle-submission.js';
import { onButton } from './on-button.js';
import { tellUser } from './tell-user.js';

/** Everything *Show all* opens: at most this many timeline entries (the modal packs them within 100 blocks). */
const SHOW_ALL = 500;

const SUGGESTION_REFUSAL: Record<Extract<SuggestionResult, { ok: false }>['reason'], string> = {
  missing: 'That suggestion no longer exists.',
  decided: 'Someone already answered that suggestion.',
  case_closed: 'The case is closed: open suggestions are no longer acted on.',
  already_linked: 'That identity is already linked to this customer.',
};

/**
 * Who the customer is: *Show all* (the whole timeline in a modal), *Link to customer…* (search by handle
 * or name across channels), *Link* / *Not the same* on a suggestion, and *Unlink* on a linked identity.
 * Each change is a case event with who and why; the thread and the top message show it.
 */
export function registerPersonFlow(app: App, deps: DeskDeps): void {
  onButton(app, deps, CaseAction.ShowAll, async ({ id, actor, client, triggerId }) => {
    const c = await deps.db.case.findUnique({ where: { id }, select: { customerId: true } });
    const story = c && (await loadCustomerStory(deps.db, c.customerId, SHOW_ALL));
    if (!story) return tellUser(client, actor, `Case #${id} does not exist (any more).`);
    await client.views.open({ trigger_id: triggerId, view: renderStoryModal(story, id) });
  });

  onButton(app, deps, CaseAction.LinkCustomer, ({ id, actor, client, triggerId }) =>
    client.views.open({
      trigger_id: triggerId,
      view: renderLinkCustomerModal({ caseId: id, channel: actor.channel, threadTs: actor.threadTs }),
    }),
  );

  app.view<ViewSubmitAction>(Modal.LinkCustomer, async ({ ack, body, view }) => {
    const query = view.state.values[Input.LinkQuery.block]?.[Input.LinkQuery.action]?.value ?? '';
    await handleSubmission(
      deps,
      { ack, body, view },
      Input.LinkQuery.block,
      Modal.LinkCustomer,
      async (ctx, userId) => {
        if (!query.trim()) return { ok: false, message: 'Type a handle or a name.' };
        const r = await linkCustomerByHand(deps.db, {
          caseId: ctx.caseId,
          query,
          actor: slackActor(userId),
          at: deps.now(),
        });
        if (r.ok) return r.linked.length ? { ok: true, eventId: 0 } : { ok: false, message: 'Nothing left to link.' };
        if (r.reason === 'ambiguous')
          return {
            ok: false,
            message: `Several people match: ${r.candidates.slice(0, 6).join(', ')}. Be more specific.`,
          };
        if (r.reason === 'case_closed') return { ok: false, message: 'The case is closed.' };
        if (r.reason === 'same_customer') return { ok: false, message: 'That is already this customer.' };
        return { ok: false, message: `Nobody is known as "${query.slice(0, 60)}" on any channel.` };
      },
    );
  });

  for (const accept of [true, false])
    onButton(app, deps, accept ? LinkAction.Accept : LinkAction.Dismiss, async ({ id, actor, client }) => {
      const r = await decideSuggestion(deps.db, {
        suggestionId: id,
        accept,
        actor: slackActor(actor.userId),
        at: deps.now(),
      });
      if (!r.ok) await tellUser(client, actor, SUGGESTION_REFUSAL[r.reason]);
    });

  onButton(app, deps, LinkAction.Unlink, async ({ id, actor, client }) => {
    const r = await deps.db.$transaction((tx) =>
      unlinkIdentity(tx, {
        linkId: id,
        actor: slackActor(actor.userId),
        reason: 'unlinked from Slack',
        at: deps.now(),
      }),
    );
    if (!r.ok)
      await tellUser(
        client,
        actor,
        r.reason === 'already_unlinked'
          ? 'That identity was already unlinked.'
          : r.reason === 'moved_since'
            ? 'That identity was linked elsewhere since; nothing changed.'
            : 'That link no longer exists.',
      );
  });
}
