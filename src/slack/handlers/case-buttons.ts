import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { claimCase } from '../case-actions/claim-case.js';
import { escalateCase } from '../case-actions/escalate-case.js';
import { markNotComplaint } from '../case-actions/mark-not-complaint.js';
import type { ActionResult } from '../case-actions/action-result.js';
import type { DeskDeps } from '../desk-deps.js';
import { CaseAction } from '../slack-ids.js';
import { actorOf, requireMember, runSafely, tellUser } from './tell-user.js';

type OneClick = (deps: DeskDeps, caseId: number, userId: string) => Promise<ActionResult>;

/** Buttons that act at once (no modal): the thread and the top message show the result to everyone. */
const ONE_CLICK: Record<string, OneClick> = {
  [CaseAction.Claim]: (deps, caseId, userId) => claimCase(deps.db, { caseId, userId, at: deps.now() }),
  [CaseAction.NotComplaint]: (deps, caseId, userId) => markNotComplaint(deps.db, { caseId, userId, at: deps.now() }),
  [CaseAction.Escalate]: (deps, caseId, userId) => escalateCase(deps.db, { caseId, userId, at: deps.now(), onCall: deps.config.onCall }),
};

/** The id (case or mention) a button carries; NaN for anything that is not one (refused by the caller). */
export function idFromButton(action: { value?: string }): number {
  return /^\d{1,12}$/.test(action.value ?? '') ? Number(action.value) : Number.NaN;
}

/** Take ownership, Not a complaint, Escalate: ack, check the person is in the team, act, tell them if it did not happen. */
export function registerCaseButtons(app: App, deps: DeskDeps): void {
  for (const [actionId, act] of Object.entries(ONE_CLICK)) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, client }) => {
      await ack();
      const actor = actorOf(body);
      await runSafely(deps, client, actor, actionId, async () => {
        if (!(await requireMember(deps, client, actor))) return;
        const caseId = idFromButton(action);
        if (Number.isNaN(caseId)) return tellUser(client, actor, 'That button does not belong to a case.');
        const result = await act(deps, caseId, actor.userId);
        if (!result.ok) return tellUser(client, actor, result.message);
      });
    });
  }
}
