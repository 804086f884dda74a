import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { openCaseFromAlert } from '../case-actions/open-case-from-alert.js';
import type { DeskDeps } from '../desk-deps.js';
import { ALERT_OPEN_CASE } from '../slack-ids.js';
import { idFromButton } from './case-buttons.js';
import { actorOf, requireMember, runSafely, tellUser } from './tell-user.js';

/** "Open a case" on a keyword alert: a case made by hand, and a Label telling the scorer it was a complaint. */
export function registerAlertButton(app: App, deps: DeskDeps): void {
  app.action<BlockAction<ButtonAction>>(ALERT_OPEN_CASE, async ({ ack, body, action, client }) => {
    await ack();
    const actor = actorOf(body);
    await runSafely(deps, client, actor, ALERT_OPEN_CASE, async () => {
      if (!(await requireMember(deps, client, actor))) return;
      const mentionId = idFromButton(action);
      if (Number.isNaN(mentionId)) return tellUser(client, actor, 'That button does not belong to an alert.');
      const result = await openCaseFromAlert(deps.db, { mentionId, userId: actor.userId, at: deps.now() });
      if (!result.ok) return tellUser(client, actor, result.message);
    });
  });
}
