import type { App } from '@slack/bolt';
import { openCaseFromAlert } from '../../cases/open-case-from-alert.js';
import type { DeskDeps } from '../desk-deps.js';
import { ALERT_OPEN_CASE } from '../slack-ids.js';
import { describeRefusal } from './describe-refusal.js';
import { onButton } from './on-button.js';
import { tellUser } from './tell-user.js';

/** "Open a case" on a keyword alert: a case made by hand, and a Label telling the scorer it was a complaint. */
export function registerAlertButton(app: App, deps: DeskDeps): void {
  onButton(app, deps, ALERT_OPEN_CASE, async ({ id, actor, client }) => {
    const result = await openCaseFromAlert(deps.db, { mentionId: id, userId: actor.userId, at: deps.now() });
    if (!result.ok) await tellUser(client, actor, describeRefusal(result));
  });
}
