import type { App } from '@slack/bolt';
import { openCaseFromAlert } from '../../cases/open-case-from-alert.js';
import { parseJson } from '../../store/db-types.js';
import type { DeskDeps } from '../desk-deps.js';
import { MAYBE_MISSED_COMPLAINT } from '../slack-ids.js';
import { describeRefusal } from './describe-refusal.js';
import { onButton } from './on-button.js';
import { tellUser } from './tell-user.js';

/** Lists looked through for the one a clicked mention is on: the recent days' lists. */
const RECENT_LISTS = 14;

/**
 * "This is a complaint" on the "maybe missed" list: a case made by hand (the open-case-from-alert
 * action), and a Label telling the scorer it missed a complaint; the list re-renders without that button.
 */
export function registerMaybeMissedButton(app: App, deps: DeskDeps): void {
  onButton(app, deps, MAYBE_MISSED_COMPLAINT, async ({ id, actor, client }) => {
    const lists = await deps.db.outboundMessage.findMany({
      where: { kind: 'slack_maybe_missed' },
      orderBy: { id: 'desc' },
      take: RECENT_LISTS,
      select: { idempotencyKey: true, target: true },
    });
    const list = lists.find((l) => parseJson<{ mentionIds?: number[] }>(l.target, {}).mentionIds?.includes(id));
    if (!list) return tellUser(client, actor, 'That mention is not on a recent "maybe missed" list.');
    const result = await openCaseFromAlert(deps.db, {
      mentionId: id,
      userId: actor.userId,
      at: deps.now(),
      from: { maybeMissed: list.idempotencyKey },
    });
    if (!result.ok) await tellUser(client, actor, describeRefusal(result));
  });
}
