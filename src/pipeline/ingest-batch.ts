import { checkAdvocateText } from '../advocacy/check-advocate-text.js';
import { findCaseReferences } from '../cases/find-case-references.js';
import { loadEarlierReplies } from '../cases/load-earlier-replies.js';
import { type Mention, mentionKey } from '../core/mention.js';
import { decideAction } from '../policy/decide-action.js';
import { scoreComplaint } from '../scoring/score-complaint.js';
import type { DbTx } from '../store/db-types.js';
import { allowRawWrites } from '../store/sqlite-handle.js';
import { type AdvocatePost, findAdvocatePosts, findUnrelatedReplies, verifyAdvocates } from './find-advocate-posts.js';
import { findKnownMentions, isOwnPost, type KnownMention } from './find-known-mentions.js';
import { findCasesAwaitingRating, findOpenCases, linkAuthors, linkOf, pickOpenCase } from './link-authors.js';
import { linkQuotedCases } from './link-quoted-cases.js';
import type { DecidedMention, MentionOutcome, PipelineDeps } from './pipeline-deps.js';
import { queueAdvocateVerified, queueMessages } from './queue-messages.js';
import { suggestSamePeople } from './suggest-same-people.js';
import { NEW_CASE, writeMentions } from './write-mentions.js';

/**
 * Ingest, score, decide and persist one batch, in one transaction: a mention is stored together with
 * its case and its outbound intents, or not at all (a crash re-delivers the batch, which then dedupes).
 */
export async function ingestBatch(deps: PipelineDeps, batch: Mention[]): Promise<MentionOutcome[]> {
  // An edit of a post earlier in the same batch must see that post stored, and a post quoting a case
  // reference the case that an earlier post of the batch opens: split the batch there.
  const split = await firstSplit(deps, batch);
  if (split > 0)
    return [...(await ingestBatch(deps, batch.slice(0, split))), ...(await ingestBatch(deps, batch.slice(split)))];
  await deps.beforeBatch?.();
  const paused = await deps.acknowledgementsPaused();
  const budget = new Map<string, boolean>();
  for (const channel of new Set(batch.map((m) => m.channel))) budget.set(channel, await deps.budgetReached(channel));
  const outcomes = await deps.db.$transaction(
    async (tx) => {
      allowRawWrites(tx);
      const outcomes: MentionOutcome[] = new Array(batch.length);
      const known = await findKnownMentions(tx, batch);
      const fresh: Array<{ m: Mention; known?: KnownMention }> = [];
      const freshAt: number[] = [];
      const seen = new Set<string>();
      batch.forEach((m, i) => {
        const key = mentionKey(m);
        const before = known.get(key);
        if (isOwnPost(m, deps.brand.handles, deps.brand.accountIds)) outcomes[i] = { mention: m, status: 'own_post' };
        else if (seen.has(key) || (before && !isNewerEdit(m, before)))
          outcomes[i] = { mention: m, status: 'duplicate', mentionId: before?.id };
        else fresh.push({ m, known: before }), freshAt.push(i);
        seen.add(key);
      });
      const advocates = await findAdvocatePosts(
        tx,
        fresh.map((f) => f.m),
      );
      const unrelated = await findUnrelatedReplies(tx, fresh, advocates);
      for (let n = fresh.length - 1; n >= 0; n--) {
        if (!unrelated.has(mentionKey(fresh[n].m))) continue;
        outcomes[freshAt[n]] = { mention: fresh[n].m, status: 'unrelated_reply' };
        fresh.splice(n, 1);
        freshAt.splice(n, 1);
      }
      if (fresh.length) {
        const decided = await decideFresh(tx, deps, fresh, paused, budget, advocates);
        const processed = await queueMessages(tx, deps, await writeMentions(tx, deps, decided));
        // A team member's own account is not a customer who may be the same person as another.
        await suggestSamePeople(
          tx,
          processed.filter((o) => !advocates.has(mentionKey(o.mention))),
          deps.now(),
        );
        processed.forEach((o, n) => (outcomes[freshAt[n]] = o));
      }
      return outcomes;
    },
    { timeout: 60_000 },
  );
  deps.afterBatch?.(outcomes.filter((o) => o.status === 'new').length);
  return outcomes;
}

async function firstSplit(deps: PipelineDeps, batch: Mention[]): Promise<number> {
  const splits = [firstInBatchEdit(batch), await firstQuoteOfNewCase(deps, batch), await firstCaseReply(deps, batch)];
  const found = splits.filter((i) => i > 0);
  return found.length ? Math.min(...found) : -1;
}

// A reply whose case comes from the post it answers (kept only as a reply, or an advocate's) must see
// that post stored with its case when the post is earlier in the same batch (a customer's follow-up and
// a helper's answer within one poll). Other replies do not split the batch: they cost no extra query.
async function firstCaseReply(deps: PipelineDeps, batch: Mention[]): Promise<number> {
  const ids = new Set<string>();
  const answering: number[] = [];
  batch.forEach((m, i) => {
    if (m.inReplyToId && ids.has(mentionKey({ channel: m.channel, id: m.inReplyToId }))) answering.push(i);
    ids.add(mentionKey(m));
  });
  if (!answering.length) return -1;
  const onlyAsReply = answering.find((i) => batch[i].onlyAsReply);
  const rest = answering.filter((i) => onlyAsReply === undefined || i < onlyAsReply);
  const advocates = rest.length
    ? await deps.db.advocate.findMany({
        where: { accountId: { in: rest.map((i) => batch[i].author.id) } },
        select: { channel: true, accountId: true },
      })
    : [];
  const byAdvocate = rest.find((i) =>
    advocates.some((a) => a.channel === batch[i].channel && a.accountId === batch[i].author.id),
  );
  return byAdvocate ?? onlyAsReply ?? -1;
}

// Only a reference to a case the earlier posts of this batch may open (above the highest case id, by at
// most one per earlier post) splits it: a hashtag such as "#5" or an old case's number does not.
async function firstQuoteOfNewCase(deps: PipelineDeps, batch: Mention[]): Promise<number> {
  const refs = batch.map((m, i) => (i > 0 ? findCaseReferences(m.text) : []));
  if (!refs.some((r) => r.length)) return -1;
  // Not aggregate({ _max }): Prisma wraps that in a subquery SQLite answers by reading every case.
  const highest = (await deps.db.case.findFirst({ orderBy: { id: 'desc' }, select: { id: true } }))?.id ?? 0;
  return refs.findIndex((r, i) => r.some((id) => id > highest && id <= highest + i));
}

function firstInBatchEdit(batch: Mention[]): number {
  const seen = new Set<string>();
  for (let i = 0; i < batch.length; i++) {
    const key = mentionKey(batch[i]);
    if (seen.has(key) && batch[i].editedAt) return i;
    seen.add(key);
  }
  return -1;
}

/** An edit seen after the original: the same mention, updated. */
function isNewerEdit(m: Mention, known: KnownMention): boolean {
  return m.editedAt !== undefined && (known.editedAt === null || m.editedAt > known.editedAt) && m.text !== known.text;
}

async function decideFresh(
  tx: DbTx,
  deps: PipelineDeps,
  fresh: Array<{ m: Mention; known?: KnownMention }>,
  paused: boolean,
  budget: Map<string, boolean>,
  advocates: Map<string, AdvocatePost>,
): Promise<DecidedMention[]> {
  const links = await linkAuthors(
    tx,
    fresh.map((f) => f.m),
    deps.now(),
  );
  // Before anything is decided: a quoted reference can make this author someone with an open case.
  await linkQuotedCases(
    tx,
    fresh.map((f) => f.m),
    links,
    deps.now(),
  );
  await recordVerifications(tx, deps, fresh, advocates);
  const earlier = [...advocates.values()].some((a) => a.caseId !== undefined)
    ? await loadEarlierReplies(tx, deps.now())
    : [];
  const customerIds = fresh.map((f) => linkOf(links, f.m).customerId);
  const openCases = await findOpenCases(tx, customerIds);
  const awaitingRating = await findCasesAwaitingRating(
    tx,
    customerIds,
    new Date(deps.now().getTime() - deps.ratingWindowDays * 86_400_000),
  );
  const score = deps.score ?? ((text: string, threshold: number) => scoreComplaint(text, { threshold }));
  return fresh.map(({ m, known }) => {
    const link = linkOf(links, m);
    const s = score(m.text, deps.threshold);
    const advocate = advocates.get(mentionKey(m));
    const open = pickOpenCase(openCases.get(link.customerId), s.topic);
    const decision = decideAction(m.text, s, {
      isOwnPost: false,
      mentionsBrand: m.mentionsBrand,
      isPrivate: m.isPrivate ?? false,
      customerOptedOut: link.optedOut,
      openCaseId: known?.caseId ?? open?.id,
      // An edit stays with its case whatever it now says.
      openCaseTopic: known?.caseId != null ? undefined : open?.topic,
      isReply: m.inReplyToId !== undefined,
      awaitingRatingCaseId: awaitingRating.get(link.customerId),
      acknowledgementsPaused: paused,
      budgetReached: budget.get(m.channel) ?? false,
      acknowledgeMinScore: deps.acknowledgeMinScore,
      acknowledgeQuestionMinScore: deps.acknowledgeQuestionMinScore,
      advocate: advocate && { verifies: advocate.verifies, caseId: advocate.caseId },
    });
    if (decision.optOut) link.optedOut = true;
    // A case opened for this customer earlier in the batch takes their later mentions too (writeMentions
    // swaps the placeholder for the new case's id).
    if (decision.openCase)
      openCases.set(link.customerId, [...(openCases.get(link.customerId) ?? []), { id: NEW_CASE, topic: s.topic }]);
    if (m.isPrivate) link.lastPrivateInboundAt = m.createdAt;
    const decided = {
      mention: m,
      customerId: link.customerId,
      identityId: link.identityId,
      lastPrivateInboundAt: link.lastPrivateInboundAt,
      score: s,
      decision,
      advocate:
        decision.action === 'advocate_reply' && advocate
          ? { ...advocate.advocate, check: checkAdvocateText(m.text, deps.advocateRules, earlierThan(earlier, known)) }
          : undefined,
    };
    // Two same replies in one batch (pasted under two customers within a poll) are copies of each other.
    if (decided.advocate) earlier.push(m.text);
    return known
      ? { ...decided, status: 'edited', mentionId: known.id, caseId: known.caseId ?? undefined }
      : { ...decided, status: 'new' };
  });
}

// The replies an advocate's reply is compared with: an edit is no copy of its own earlier wording.
function earlierThan(earlier: string[], known?: KnownMention): string[] {
  if (!known) return earlier;
  const own = earlier.indexOf(known.text);
  return own < 0 ? earlier : [...earlier.slice(0, own), ...earlier.slice(own + 1)];
}

// A post carrying an account's code proves the account: it is verified and its owner told in Slack.
async function recordVerifications(
  tx: DbTx,
  deps: PipelineDeps,
  fresh: Array<{ m: Mention; known?: KnownMention }>,
  advocates: Map<string, AdvocatePost>,
): Promise<void> {
  const proving = fresh
    .map((f) => ({ mention: f.m, post: advocates.get(mentionKey(f.m)) }))
    .filter((p): p is { mention: Mention; post: AdvocatePost } => p.post?.verifies === true);
  if (!proving.length) return;
  const verified = new Set(await verifyAdvocates(tx, proving, deps.now()));
  for (const p of proving.filter((x) => verified.has(x.post.advocate.id)))
    await queueAdvocateVerified(tx, p.post.advocate, deps.now());
}
