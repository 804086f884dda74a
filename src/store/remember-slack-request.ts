import type { DbTx } from './db-types.js';

/**
 * How long a request key is remembered: far longer than the five minutes a Slack signature stays valid
 * (timestamps further away are refused before this is asked), and than Slack's Events API retries,
 * which come re-signed up to about five minutes after the first delivery (immediately, 1 min, 5 min).
 */
export const REMEMBER_SLACK_REQUEST_MS = 60 * 60_000;

/**
 * Records a Slack request by its key (trigger id, event id or click: see slackRequestKey); false when
 * it was recorded before (the same request sent again, or retried). The primary key decides, so two
 * instances on one database agree. Keys older than REMEMBER_SLACK_REQUEST_MS are forgotten on the way:
 * neither a replay nor a retry of theirs can still arrive with a valid signature.
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
