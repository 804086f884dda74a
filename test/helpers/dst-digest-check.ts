import { buildDigest } from '../../src/digest/build-digest';
import { queryDigestData } from '../../src/digest/query-digest-data';
import { wholeDaysPeriod } from '../../src/digest/whole-days-period';
import type { Db } from '../../src/store/create-db';

/** Stores one mention at each instant (complaints where asked), for bucket checks. */
export async function mentionsAt(db: Db, instants: string[], complaint = false): Promise<void> {
  const customer = await db.customer.create({
    data: {
      displayName: 'D',
      identities: { create: { channel: 'x', externalId: `d-${instants[0]}`, handle: 'd', name: 'D' } },
    },
    include: { identities: true },
  });
  for (const at of instants)
    await db.mention.create({
      data: {
        channel: 'x',
        externalId: `dst-${at}`,
        identityId: customer.identities[0].id,
        customerId: customer.id,
        text: 't',
        postedAt: new Date(at),
        mentionsBrand: true,
        score: 0.5,
        complaint,
        reasons: '[]',
        topic: 'billing',
        severity: 'none',
        decision: 'ignore',
        decisionReasons: '[]',
      },
    });
}

/**
 * The non-empty buckets of periods over DST changes (London springs forward on 29 March 2026, Los
 * Angeles falls back on 1 November 2026), their bucket counts, as the digest computes them. The same
 * expectations hold on SQLite and PostgreSQL (test/digest/digest-dst.test.ts).
 */
export async function dstBuckets(db: Db, provider: 'sqlite' | 'postgresql') {
  await mentionsAt(db, [
    '2026-03-28T23:30:00Z', // 23:30 GMT on the 28th
    '2026-03-29T00:30:00Z', // 00:30 GMT on the 29th
    '2026-03-29T01:30:00Z', // 02:30 BST: 01:00 to 02:00 never happened that night
    '2026-03-29T23:30:00Z', // 00:30 BST on the 30th (at the period start's offset, still the 29th)
    '2026-10-31T12:00:00Z', // 05:00 PDT on the 31st
    '2026-11-01T08:30:00Z', // 01:30 PDT, the first 01:30
    '2026-11-01T09:30:00Z', // 01:30 PST, the second
    '2026-11-02T07:30:00Z', // 23:30 PST on the 1st (at the period start's offset, 00:30 on the 2nd)
    '2026-11-02T08:30:00Z', // 00:30 PST on the 2nd
  ]);
  const digest = async (days: number, end: string, timeZone: string, bucket: 'hour' | 'day') =>
    buildDigest(await queryDigestData(db, wholeDaysPeriod(days, new Date(end), timeZone, bucket), provider)).buckets;
  const shown = (buckets: Array<{ start: string; total: number }>) => ({
    count: buckets.length,
    counted: Object.fromEntries(buckets.filter((b) => b.total).map((b) => [b.start, b.total])),
  });
  return {
    londonDays: shown(await digest(3, '2026-03-30T23:00:00Z', 'Europe/London', 'day')),
    londonHours: shown(await digest(1, '2026-03-29T23:00:00Z', 'Europe/London', 'hour')),
    losAngelesDays: shown(await digest(3, '2026-11-03T08:00:00Z', 'America/Los_Angeles', 'day')),
    losAngelesHours: shown(await digest(1, '2026-11-02T08:00:00Z', 'America/Los_Angeles', 'hour')),
  };
}

/** What dstBuckets must give: days split at local midnight, hours as the clocks showed them. */
export const DST_EXPECTED = {
  londonDays: { count: 3, counted: { '2026-03-28': 1, '2026-03-29': 2, '2026-03-30': 1 } },
  // 23 hours; no 01:00 bucket, the 02:30 BST mention in 02:00.
  londonHours: { count: 23, counted: { '2026-03-29T00:00': 1, '2026-03-29T02:00': 1 } },
  losAngelesDays: { count: 3, counted: { '2026-10-31': 1, '2026-11-01': 3, '2026-11-02': 1 } },
  // 25 clock hours; the repeated 01:00 is one bucket holding both 01:30s.
  losAngelesHours: { count: 24, counted: { '2026-11-01T01:00': 2, '2026-11-01T23:00': 1 } },
};
