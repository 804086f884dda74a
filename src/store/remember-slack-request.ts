import type { DbTx } from './db-types.js';

/**
 * How long a trigger id is remembered: longer than the five minutes a Slack signature stays valid
 * (timestamps further away are refused before this is asked), with room for clock skew.
 */
export const REMEMBER_SLACK_REQUEST_MS = 10 * 60_000;

/**
 * Records a Slack request by its trigger id; false when it was recorded before (the same signed
 * request sent again). The primary key decides, so two instances on one database agree. Ids older
 * than REMEMBER_SLACK_REQUEST_MS are forgotten on the way: their requests can no longer pass the signature check.
 */
export async function rememberSlackRequest(db: DbTx, triggerId: string, now: Date): Promise<boolean> {
  await db.slackRequestSeen.deleteMany({
    where: { seenAt: { lt: new Date(now.getTime() - REMEMBER_SLACK_REQUEST_MS) } },
  });
  try {
    await db.slackRequestSeen.create({ data: { triggerId, seenAt: now } });
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === 'P2002') return false;
    throw e;
  }
}
