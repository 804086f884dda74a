import type { App } from '@slack/bolt';
import type { ActionResult } from '../../cases/action-result.js';
import { claimCase } from '../../cases/claim-case.js';
import { escalateCase } from '../../cases/escalate-case.js';
import { markNotComplaint } from '../../cases/mark-not-complaint.js';
import type { DeskDeps } from '../desk-deps.js';
import { CaseAction } from '../slack-ids.js';
import { describeRefusal } from './describe-refusal.js';
import { onButton } from './on-button.js';
import { tellUser } from './tell-user.js';

type OneClick = (deps: DeskDeps, caseId: number, userId: string) => Promise<ActionResult>;

/** Buttons that act at once (no modal): the thread and the top message show the result to everyone. */
const ONE_CLICK: Record<string, OneClick> = {
  [CaseAction.Claim]: (deps, caseId, userId) => claimCase(deps.db, { caseId, userId, at: deps.now() }),
  [CaseAction.NotComplaint]: (deps, caseId, userId) => markNotComplaint(deps.db, { caseId, userId, at: deps.now() }),
  [CaseAction.Escalate]: (deps, caseId, userId) =>
    escalateCase(deps.db, { caseId, userId, at: deps.now(), onCall: deps.config.onCall }),
};

/** Take ownership, Not a complaint, Escalate: act, and tell the clicker (only them) when it did not happen. */
export function registerCaseButtons(app: App, deps: DeskDeps): void {
  for (const [actionId, act] of Object.entries(ONE_CLICK)) {
    onButton(app, deps, actionId, async ({ id, actor, client }) => {
      const result = await act(deps, id, actor.userId);
      if (!result.ok) await tellUser(client, actor, describeRefusal(result));
    });
  }
}
