import type { Db } from '../../src/store/create-db';

// A fixed data set whose digest figures are computed by hand in test/digest/build-digest.test.ts.
export const t = (s: string) => new Date(`2026-11-${s}Z`);
export const period = { from: t('16T00:00:00'), to: t('23T00:00:00'), bucket: 'day' as const, timeZone: 'UTC' };

export async function seed(db: Db) {
  const customer = await db.customer.create({
    data: { displayName: 'C', identities: { create: { channel: 'x', externalId: 'c', handle: 'c', name: 'C' } } },
    include: { identities: true },
  });
  let n = 0;
  const mentions = async (day: string, channel: string, total: number, complaints: number, topic = 'billing') => {
    for (let i = 0; i < total; i++) {
      await db.mention.create({
        data: {
          channel,
          externalId: `m${n++}`,
          identityId: customer.identities[0].id,
          customerId: customer.id,
          text: 't',
          postedAt: t(`${day}T12:00:00`),
          mentionsBrand: true,
          score: 0.5,
          complaint: i < complaints,
          reasons: '[]',
          topic,
          severity: 'none',
          decision: 'ignore',
          decisionReasons: '[]',
        },
      });
    }
  };
  await mentions('10', 'x', 10, 2); // the period before: 20% complaints
  await mentions('16', 'x', 4, 1);
  await mentions('17', 'discord', 2, 2, 'outage');
  await mentions('18', 'x', 20, 10, 'outage');
  await mentions('20', 'x', 1, 0);
  const c = (data: object) =>
    db.case.create({
      data: { customerId: customer.id, channel: 'x', topic: 'billing', severity: 'blame', score: 0.9, ...data },
    });
  await c({
    openedAt: t('16T10:00:00'),
    acknowledgedAt: t('16T10:01:00'),
    claimedAt: t('16T10:10:00'),
    firstHumanReplyAt: t('16T10:30:00'),
    resolvedAt: t('16T12:00:00'),
    ownerSlackId: 'U1',
    status: 'resolved',
    rating: 5,
  });
  await c({
    openedAt: t('17T09:00:00'),
    acknowledgedAt: t('17T09:03:00'),
    claimedAt: t('17T09:40:00'),
    firstHumanReplyAt: t('17T10:00:00'),
    resolvedAt: t('17T13:00:00'),
    ownerSlackId: 'U2',
    status: 'resolved',
    rating: 3,
  });
  const c3 = await c({
    openedAt: t('18T08:00:00'),
    acknowledgedAt: t('18T08:02:00'),
    claimedAt: t('18T09:00:00'),
    ownerSlackId: 'U1',
    status: 'claimed',
    escalatedAt: t('18T09:30:00'),
    escalationCount: 2,
  });
  const c4 = await c({ openedAt: t('19T08:00:00'), status: 'open' });
  await c({ openedAt: t('01T08:00:00'), status: 'resolved', resolvedAt: t('01T09:00:00') }); // before the period
  await db.spendEntry.createMany({
    data: [
      { at: t('16T10:01:00'), day: '2026-11-16', channel: 'x', action: 'public_reply', costUsd: 0.01 },
      { at: t('17T09:03:00'), day: '2026-11-17', channel: 'x', action: 'public_reply', costUsd: 0.01 },
      { at: t('25T09:03:00'), day: '2026-11-25', channel: 'x', action: 'public_reply', costUsd: 5 },
    ],
  });
  return { c3: c3.id, c4: c4.id };
}
