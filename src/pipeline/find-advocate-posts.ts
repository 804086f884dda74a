import type { AdvocateView } from '../cases/manage-advocates.js';
import { OPEN_CASE_STATUSES } from '../core/case-status.js';
import { type Mention, mentionKey } from '../core/mention.js';
import type { DbTx } from '../store/db-types.js';
import { rawReader, selectRows, sqlList, storedDate } from '../store/prepared-select.js';

/** A fresh post by a team member's linked account: the code that verifies it, or a reply to a case. */
export interface AdvocatePost {
  advocate: { id: number; slackUserId: string; handle: string; channel: string };
  /** It carries the account's verification code: the link is proven by it, nothing else happens. */
  verifies: boolean;
  /** The open case of the post it answers (the customer's post, or the bot's reply on the case). */
  caseId?: number;
}

/**
 * The posts of `mentions` written by linked advocates. A verified account is known by its platform id
 * (a handle can be renamed and taken); an unverified one only counts when its post or DM carries its
 * code, which proves the account, and the id is learnt from that post.
 */
export async function findAdvocatePosts(db: DbTx, mentions: Mention[]): Promise<Map<string, AdvocatePost>> {
  const found = new Map<string, AdvocatePost>();
  if (!mentions.length) return found;
  const advocates = await findLinkedAdvocates(db, mentions);
  if (!advocates.length) return found;
  for (const m of mentions) {
    const byId = advocates.find((a) => a.channel === m.channel && a.verifiedAt && a.accountId === m.author.id);
    const byHandle = advocates.find((a) => a.channel === m.channel && a.handle === m.author.handle.toLowerCase());
    const candidate = byId ?? byHandle;
    if (!candidate) continue;
    const advocate = {
      id: candidate.id,
      slackUserId: candidate.slackUserId,
      handle: candidate.handle,
      channel: m.channel,
    };
    const carriesCode = m.text.toUpperCase().includes(candidate.verificationCode);
    if (carriesCode && (!candidate.verifiedAt || candidate.accountId === m.author.id))
      found.set(mentionKey(m), { advocate, verifies: true });
    else if (byId) found.set(mentionKey(m), { advocate, verifies: false, caseId: await findAnsweredCase(db, m) });
  }
  return found;
}

/** An advocate account as the pipeline matches it (the desk's view without its creation time). */
type LinkedAdvocate = Omit<AdvocateView, 'createdAt'>;

// The advocates on the batch's channels known by one of its authors' ids or handles: one query a batch.
async function findLinkedAdvocates(db: DbTx, mentions: Mention[]): Promise<LinkedAdvocate[]> {
  const channels = [...new Set(mentions.map((m) => m.channel))];
  const accountIds = [...new Set(mentions.map((m) => m.author.id))];
  const handles = [...new Set(mentions.map((m) => m.author.handle.toLowerCase()))];
  const raw = rawReader(db);
  if (!raw)
    return db.advocate.findMany({
      where: { channel: { in: channels }, OR: [{ accountId: { in: accountIds } }, { handle: { in: handles } }] },
      select: {
        id: true,
        slackUserId: true,
        channel: true,
        handle: true,
        accountId: true,
        verificationCode: true,
        verifiedAt: true,
      },
    });
  return selectRows<LinkedAdvocate>(
    raw,
    `SELECT "id", "slackUserId", "channel", "handle", "accountId", "verificationCode", "verifiedAt" FROM "Advocate"
     WHERE "channel" IN (SELECT value FROM json_each(?))
       AND ("accountId" IN (SELECT value FROM json_each(?)) OR "handle" IN (SELECT value FROM json_each(?)))
     ORDER BY "id"`,
    [sqlList(channels), sqlList(accountIds), sqlList(handles)],
  ).map((a) => ({ ...a, verifiedAt: storedDate(a.verifiedAt) }));
}

/** The open case whose post (the customer's, or the brand's reply) `m` answers. */
async function findAnsweredCase(db: DbTx, m: Mention): Promise<number | undefined> {
  if (!m.inReplyToId) return undefined;
  const open = { status: { in: [...OPEN_CASE_STATUSES] } };
  const post = await db.mention.findFirst({
    where: { channel: m.channel, externalId: m.inReplyToId, case: open },
    select: { caseId: true },
  });
  if (post?.caseId) return post.caseId;
  const ours = await db.outboundMessage.findFirst({
    where: { channel: m.channel, externalId: m.inReplyToId, case: open },
    select: { caseId: true },
  });
  return ours?.caseId ?? undefined;
}

/** Marks the accounts proven by their codes as verified, learning their platform ids. */
export async function verifyAdvocates(
  db: DbTx,
  posts: Array<{ post: AdvocatePost; mention: Mention }>,
  at: Date,
): Promise<number[]> {
  const verified: number[] = [];
  for (const { post, mention } of posts) {
    const done = await db.advocate.updateMany({
      where: { id: post.advocate.id, verifiedAt: null },
      data: { verifiedAt: at, accountId: mention.author.id },
    });
    if (done.count) verified.push(post.advocate.id);
  }
  return verified;
}

/**
 * The keys of `onlyAsReply` mentions to drop: replies between people in a watched place that come from no
 * advocate and answer no post of a case (an edit of a stored one is kept: it was relevant once).
 */
export async function findUnrelatedReplies(
  db: DbTx,
  fresh: Array<{ m: Mention; known?: unknown }>,
  advocates: Map<string, AdvocatePost>,
): Promise<Set<string>> {
  const candidates = fresh
    .filter((f) => f.m.onlyAsReply && !f.known && !advocates.has(mentionKey(f.m)))
    .map((f) => f.m);
  const unrelated = new Set<string>();
  for (const m of candidates) {
    const answered = m.inReplyToId
      ? await db.mention.findFirst({
          where: { channel: m.channel, externalId: m.inReplyToId, caseId: { not: null } },
          select: { id: true },
        })
      : null;
    if (!answered) unrelated.add(mentionKey(m));
  }
  return unrelated;
}
