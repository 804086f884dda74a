import type { Digest, DurationStat } from './digest-types.js';
import { fillBuckets } from './fill-buckets.js';
import type { DigestData } from './query-digest-data.js';
import { findSpikes, medianAndP90, minutesBetween } from './summary-stats.js';

type CaseRow = DigestData['cases'][number];

const durations = (
  cases: CaseRow[],
  to: (c: CaseRow) => Date | null,
  from: (c: CaseRow) => Date | null = (c) => c.openedAt,
): DurationStat =>
  medianAndP90(cases.map((c) => minutesBetween(from(c), to(c))).filter((m): m is number => m !== undefined && m >= 0));

function sumBy<K extends string>(groups: DigestData['groups'], key: (g: DigestData['groups'][number]) => K) {
  const out = new Map<K, { total: number; complaints: number }>();
  for (const g of groups) {
    const row = out.get(key(g)) ?? { total: 0, complaints: 0 };
    row.total += g.count;
    if (g.complaint) row.complaints += g.count;
    out.set(key(g), row);
  }
  return [...out.entries()].map(([k, v]) => ({ key: k, ...v })).sort((a, b) => b.total - a.total);
}

/**
 * Turns a period's figures into the digest: volumes, complaint share and its trend, times to
 * acknowledge, claim, first human reply and resolve (all from the case's opening), per owner, SLA
 * breaches, open cases, ratings, spikes and spend. Pure.
 */
export function buildDigest(data: DigestData): Digest {
  const byChannel = sumBy(data.groups, (g) => g.channel).map(({ key, ...v }) => ({ channel: key, ...v }));
  const byTopic = sumBy(data.groups, (g) => g.topic).map(({ key, ...v }) => ({ topic: key, ...v }));
  const total = byChannel.reduce((n, c) => n + c.total, 0);
  const complaints = byChannel.reduce((n, c) => n + c.complaints, 0);
  const owners = new Map<string, CaseRow[]>();
  for (const c of data.cases) {
    if (!c.ownerSlackId) continue;
    const mine = owners.get(c.ownerSlackId) ?? [];
    mine.push(c);
    owners.set(c.ownerSlackId, mine);
  }
  const distribution: Record<string, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const r of data.ratings) distribution[r] = (distribution[r] ?? 0) + 1;
  const buckets = fillBuckets(data.period, data.buckets);
  return {
    period: data.period,
    volume: {
      total,
      complaints,
      complaintShare: total ? complaints / total : 0,
      previousShare: data.previous.total ? data.previous.complaints / data.previous.total : undefined,
      ...(data.people ? { people: data.people.total, complainingPeople: data.people.complaining } : {}),
    },
    byChannel,
    byTopic,
    buckets,
    spikes: findSpikes(buckets).map((b) => ({ start: b.start, total: b.total })),
    times: {
      acknowledge: durations(data.cases, (c) => c.acknowledgedAt),
      claim: durations(data.cases, (c) => c.claimedAt),
      firstHumanReply: durations(data.cases, (c) => c.firstHumanReplyAt),
      resolve: durations(data.cases, (c) => c.resolvedAt),
    },
    perOwner: [...owners.entries()]
      .map(([owner, cases]) => ({
        owner,
        cases: cases.length,
        claim: durations(cases, (c) => c.claimedAt),
        firstHumanReply: durations(cases, (c) => c.firstHumanReplyAt),
        resolve: durations(cases, (c) => c.resolvedAt),
      }))
      .sort((a, b) => b.cases - a.cases),
    sla: {
      breaches: data.escalated.length,
      cases: data.escalated.map((e) => ({ id: e.id, escalations: e.escalationCount })),
    },
    open: {
      total: data.open.total,
      unclaimed: data.open.unclaimed,
      oldest: data.open.oldest.map((o) => ({
        id: o.id,
        openedAt: o.openedAt,
        status: o.status,
        owner: o.ownerSlackId,
      })),
    },
    ratings: {
      count: data.ratings.length,
      distribution,
      average: data.ratings.length ? data.ratings.reduce((a, b) => a + b, 0) / data.ratings.length : undefined,
    },
    ...(data.advocateReplies ? { advocates: summariseAdvocates(data.advocateReplies) } : {}),
    spend: {
      totalUsd: data.spend.reduce((n, s) => n + s.usd, 0),
      byChannel: [...data.spend].sort((a, b) => b.usd - a.usd),
    },
  };
}

// Time to reply from the case's opening, like every other response time of the digest.
function summariseAdvocates(replies: NonNullable<DigestData['advocateReplies']>): NonNullable<Digest['advocates']> {
  return {
    replies: replies.length,
    people: new Set(replies.map((r) => r.advocateId)).size,
    flagged: replies.filter((r) => r.flagged).length,
    reply: medianAndP90(
      replies
        .map((r) => minutesBetween(r.caseOpenedAt, r.postedAt))
        .filter((m): m is number => m !== undefined && m >= 0),
    ),
  };
}
