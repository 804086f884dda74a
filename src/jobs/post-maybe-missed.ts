import type { Db } from '../store/create-db.js';
import { parseJson } from '../store/db-types.js';
import { enqueueIntents } from '../store/enqueue-intents.js';

/** What the daily "maybe missed" list is built from. */
export interface MaybeMissedPlan {
  /** MAYBE_MISSED_MAX (at most 20). */
  max: number;
  /** COMPLAINT_THRESHOLD: shown on the list. */
  threshold: number;
  /** Mentions received from here to `now` (the day since the last list). */
  since: Date;
  now: Date;
  /** The due time: the list goes out once however many instances run. */
  key: string;
}

// Only mentions the policy ignored for their score: not spam, own posts or opt-outs, which are ignored
// whatever they say (see decideAction's reasons).
const BELOW_THRESHOLD = /below the (complaint )?threshold/;

/**
 * Queues the daily list of ignored mentions that scored closest below the threshold (at most
 * `max`, best first; none already in a case or labelled) for the team channel. Returns the mention ids
 * listed; nothing is posted when there are none.
 */
export async function postMaybeMissed(db: Db, plan: MaybeMissedPlan): Promise<number[]> {
  const max = Math.min(20, Math.max(1, plan.max));
  const candidates = await db.mention.findMany({
    where: { decision: 'ignore', complaint: false, caseId: null, receivedAt: { gte: plan.since, lt: plan.now } },
    orderBy: [{ score: 'desc' }, { id: 'asc' }],
    take: max * 5,
    select: { id: true, decisionReasons: true },
  });
  const labelled = new Set(
    (
      await db.label.findMany({
        where: { mentionId: { in: candidates.map((c) => c.id) } },
        select: { mentionId: true },
      })
    ).map((l) => l.mentionId),
  );
  const ids = candidates
    .filter(
      (c) => !labelled.has(c.id) && parseJson<string[]>(c.decisionReasons, []).some((r) => BELOW_THRESHOLD.test(r)),
    )
    .slice(0, max)
    .map((c) => c.id);
  if (!ids.length) return ids;
  await enqueueIntents(
    db,
    [
      {
        idempotencyKey: `maybe-missed:${plan.key}`,
        channel: 'slack',
        kind: 'slack_maybe_missed',
        purpose: 'maybe_missed',
        target: { mentionIds: ids, threshold: plan.threshold },
        text: `maybe missed: ${ids.length} ignored mentions scored just below the threshold`,
      },
    ],
    plan.now,
  );
  return ids;
}
