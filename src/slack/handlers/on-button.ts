import type { App, BlockAction, ButtonAction, webApi } from '@slack/bolt';
import type { DeskDeps } from '../desk-deps.js';
import { type Actor, actorOf, requireMember, runSafely, tellUser } from './tell-user.js';

/** What a button handler gets once the click is acknowledged and the person is known to be in the team. */
export interface ButtonClick {
  /** The id the button carries (a case id, or a mention id on alerts). */
  id: number;
  actor: Actor;
  client: webApi.WebClient;
  triggerId: string;
}

/**
 * Registers a button: ack() first (Slack wants it within three seconds), then, in its own try/catch,
 * refuse anyone outside the team and anything that is not one of our ids, and run `work`.
 */
export function onButton(
  app: App,
  deps: DeskDeps,
  actionId: string,
  work: (click: ButtonClick) => Promise<unknown>,
): void {
  app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, client }) => {
    await ack();
    const actor = actorOf(body);
    await runSafely(deps, client, actor, actionId, async () => {
      if (!(await requireMember(deps, client, actor))) return;
      if (!/^\d{1,12}$/.test(action.value ?? ''))
        return tellUser(client, actor, 'That button does not belong to a case or an alert.');
      await work({ id: Number(action.value), actor, client, triggerId: body.trigger_id });
    });
  });
}
