import { CaseStatus, OPEN_CASE_STATUSES } from '../core/case-status.js';
import { offsetSpans } from '../core/time-zone.js';
import type { Db } from '../store/create-db.js';
import type { DigestPeriod } from './digest-types.js';
import { previousPeriod } from './whole-days-period.js';

/** What the database says about a period; buildDigest turns it into the digest. */
export interface DigestData {
  period: DigestPeriod;
  groups: Array<{ channel: string; topic: string; complaint: boolean; count: number }>;
  previous: { total: number; complaints: number };
  buckets: Array<{ start: string; total: number; complaints: number }>;
  cases: Array<{
    id: number;
    openedAt: Date;
    acknowledgedAt: Date | null;
    claimedAt: Date | null;
    firstHumanReplyAt: Date | null;
    resolvedAt: Date | null;
    ownerSlackId: string | null;
  }>;
  escalated: Array<{ id: number; escalationCount: number }>;
  open: {
    total: number;
    unclaimed: number;
    oldest: Array<{ id: number; openedAt: Date; status: string; ownerSlackId: string | null }>;
  };
  ratings: number[];
  /** Distinct people (customers, whatever their channels and handles) who wrote, and who complained. */
  people?: { total: number; complaining: number };
  spend: Array<{ channel: string; action: string; usd: number; calls: number }>;
  /** Staff advocates' replies posted in the period: who, when, whether flagged, and their case's opening. */
  advocateReplies?: Array<{ advocateId: number; postedAt: Date; flagged: boolean; caseOpenedAt: Date | null }>;
}

/**
 * Reads a period's figures with aggregate queries only (group by, counts, the period's cases), so a
 * weekly digest stays fast over millions of stored mentions: see `npm run bench`.
 */
export async function queryDigestData(
  db: Db,
  period: DigestPeriod,
  provider: 'sqlite' | 'postgresql',
): Promise<DigestData> {
  const inPeriod = { gte: period.from, lt: period.to };
  const before = previousPeriod(period);
  const [grouped, previous, buckets, cases, escalated, openTotal, unclaimed, oldest, rated, spend, people, advocate] =
    await Promise.all([
      db.mention.groupBy({
        by: ['channel', 'topic', 'complaint'],
        // Advocates' replies are the team answering: they are counted on their own, not as mentions.
        where: { postedAt: inPeriod, advocateId: null },
        _count: { _all: true },
      }),
      db.mention.groupBy({
        by: ['complaint'],
        where: { postedAt: { gte: before.from, lt: before.to }, advocateId: null },
        _count: { _all: true },
      }),
      bucketCounts(db, period, provider),
      db.case.findMany({
        where: { openedAt: inPeriod },
        select: {
          id: true,
          openedAt: true,
          acknowledgedAt: true,
          claimedAt: true,
          firstHumanReplyAt: true,
          resolvedAt: true,
          ownerSlackId: true,
        },
      }),
      db.case.findMany({
        where: { escalatedAt: inPeriod },
        select: { id: true, escalationCount: true },
        orderBy: { escalationCount: 'desc' },
      }),
      db.case.count({ where: { status: { in: [...OPEN_CASE_STATUSES] } } }),
      db.case.count({ where: { status: CaseStatus.Open, ownerSlackId: null } }),
      db.case.findMany({
        where: { status: { in: [...OPEN_CASE_STATUSES] } },
        orderBy: { openedAt: 'asc' },
        take: 5,
        select: { id: true, openedAt: true, status: true, ownerSlackId: true },
      }),
      db.case.findMany({ where: { rating: { not: null }, resolvedAt: inPeriod }, select: { rating: true } }),
      db.spendEntry.groupBy({
        by: ['channel', 'action'],
        where: { at: inPeriod },
        _sum: { costUsd: true },
        _count: { _all: true },
      }),
      countPeople(db, period),
      db.mention.findMany({
        where: { postedAt: inPeriod, advocateId: { not: null } },
        select: { advocateId: true, postedAt: true, advocateFlags: true, case: { select: { openedAt: true } } },
      }),
    ]);
  return {
    period,
    groups: grouped.map((g) => ({ channel: g.channel, topic: g.topic, complaint: g.complaint, count: g._count._all })),
    previous: {
      total: previous.reduce((n, g) => n + g._count._all, 0),
      complaints: previous.filter((g) => g.complaint).reduce((n, g) => n + g._count._all, 0),
    },
    buckets,
    cases,
    escalated,
    open: { total: openTotal, unclaimed, oldest },
    ratings: rated.map((r) => r.rating!),
    people,
    spend: spend.map((s) => ({ channel: s.channel, action: s.action, usd: s._sum.costUsd ?? 0, calls: s._count._all })),
    advocateReplies: advocate.map((a) => ({
      advocateId: a.advocateId!,
      postedAt: a.postedAt,
      flagged: a.advocateFlags !== null && a.advocateFlags !== '[]',
      caseOpenedAt: a.case?.openedAt ?? null,
    })),
  };
}

// A person is a customer: linked identities on several channels count once. Same SQL on both providers.
async function countPeople(db: Db, period: DigestPeriod) {
  const [row] = await db.$queryRaw<Array<{ total: bigint | number; complaining: bigint | number | null }>>`
    SELECT count(DISTINCT "customerId") AS total,
           count(DISTINCT CASE WHEN "complaint" THEN "customerId" END) AS complaining
    FROM "Mention" WHERE "postedAt" >= ${period.from} AND "postedAt" < ${period.to} AND "advocateId" IS NULL`;
  return { total: Number(row?.total ?? 0), complaining: Number(row?.complaining ?? 0) };
}

type BucketRow = { start: string; total: number; complaints: number };

/**
 * Mentions per hour or day in the digest's time zone. Each stretch of constant UTC offset is counted
 * with its own offset and the stretches summed by local key, so a DST change inside the period splits
 * its day (and hours) where the clocks did, not at the offset of the period's start.
 */
async function bucketCounts(db: Db, period: DigestPeriod, provider: 'sqlite' | 'postgresql'): Promise<BucketRow[]> {
  const byKey = new Map<string, BucketRow>();
  for (const span of offsetSpans(period.timeZone, period.from, period.to)) {
    for (const row of await bucketCountsAtOffset(db, { ...period, ...span }, span.offsetMinutes, provider)) {
      const sum = byKey.get(row.start);
      if (sum) {
        sum.total += row.total;
        sum.complaints += row.complaints;
      } else byKey.set(row.start, row);
    }
  }
  return [...byKey.values()].sort((a, b) => a.start.localeCompare(b.start));
}

// One stretch at one offset. SQLite stores Prisma dates as ISO text, PostgreSQL as timestamps: one
// statement per provider.
async function bucketCountsAtOffset(
  db: Db,
  period: DigestPeriod,
  offset: number,
  provider: 'sqlite' | 'postgresql',
): Promise<BucketRow[]> {
  const pgFormat = period.bucket === 'hour' ? 'YYYY-MM-DD"T"HH24:00' : 'YYYY-MM-DD';
  const sqliteFormat = period.bucket === 'hour' ? '%Y-%m-%dT%H:00' : '%Y-%m-%d';
  const rows =
    provider === 'postgresql'
      ? await db.$queryRaw<Array<{ start: string; total: bigint | number; complaints: bigint | number }>>`
        SELECT to_char("postedAt" + make_interval(mins => ${offset}::int), ${pgFormat}) AS start,
               count(*) AS total, count(*) FILTER (WHERE "complaint") AS complaints
        FROM "Mention" WHERE "postedAt" >= ${period.from} AND "postedAt" < ${period.to} AND "advocateId" IS NULL
        GROUP BY 1 ORDER BY 1`
      : await db.$queryRaw<Array<{ start: string; total: bigint | number; complaints: bigint | number }>>`
        SELECT strftime(${sqliteFormat}, "postedAt", ${`${offset} minutes`}) AS start,
               count(*) AS total, sum("complaint") AS complaints
        FROM "Mention" WHERE "postedAt" >= ${period.from} AND "postedAt" < ${period.to} AND "advocateId" IS NULL
        GROUP BY 1 ORDER BY 1`;
  return rows.map((r) => ({ start: r.start, total: Number(r.total), complaints: Number(r.complaints ?? 0) }));
}
