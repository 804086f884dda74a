import type { DbTx } from '../store/db-types.js';
import { loadMentionView, type MentionView } from './load-case-view.js';

/**
 * The post a public reply from Slack answers: the customer's latest public post of the case that
 * @mentioned the brand (X accepts API replies only to posts that summoned the brand). Null when the
 * case has none (a private conversation, or keyword-only posts).
 */
export async function findReplyTarget(db: DbTx, caseId: number): Promise<MentionView | null> {
  const latest = await db.mention.findFirst({
    where: { caseId, isPrivate: false, mentionsBrand: true },
    orderBy: [{ postedAt: 'desc' }, { id: 'desc' }],
    select: { id: true },
  });
  return latest ? loadMentionView(db, latest.id) : null;
}
