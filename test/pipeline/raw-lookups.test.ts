import type { Mention } from '../../src/core/mention';
import { findAdvocatePosts } from '../../src/pipeline/find-advocate-posts';
import { findKnownMentions } from '../../src/pipeline/find-known-mentions';
import { findCasesAwaitingRating, findOpenCases, linkAuthors } from '../../src/pipeline/link-authors';
import type { Db } from '../../src/store/create-db';
import type { DbTx } from '../../src/store/db-types';
import { rawReader } from '../../src/store/prepared-select';
import { allowRawWrites } from '../../src/store/sqlite-handle';
import { tempDb } from '../helpers/temp-db';

// The pipeline's look-ups read through prepared better-sqlite3 statements inside a marked SQLite
// transaction and through Prisma everywhere else: both must answer alike, dates and flags included.
const at = new Date('2026-11-20T10:11:12.345Z');

const mention = (id: string, author: string, handle = author): Mention => ({
  channel: 'x',
  id,
  author: { id: author, handle, name: handle },
  text: `hello ${id} CODE7`,
  createdAt: at,
  mentionsBrand: true,
});

async function seed(db: Db): Promise<number[]> {
  const customers = [];
  for (const [name, optedOutAt] of [
    ['ann', null],
    ['bob', at],
    ['cat', null],
  ] as const)
    customers.push(await db.customer.create({ data: { displayName: name, createdAt: at, optedOutAt } }));
  const [ann, bob, cat] = customers;
  await db.identity.create({
    data: { customerId: ann.id, channel: 'x', externalId: 'a1', handle: 'ann', name: 'Ann' },
  });
  await db.identity.create({
    data: { customerId: bob.id, channel: 'x', externalId: 'b1', handle: 'bob', name: 'Bob', lastPrivateInboundAt: at },
  });
  const kase = (customerId: number, status: string, extra: object = {}) =>
    db.case.create({
      data: { customerId, channel: 'x', status, topic: 'billing', severity: 'none', score: 0.5, ...extra },
    });
  await kase(ann.id, 'open');
  await kase(ann.id, 'claimed');
  await kase(bob.id, 'closed');
  await kase(bob.id, 'resolved', { followUpSentAt: at });
  await kase(cat.id, 'resolved', { followUpSentAt: new Date(at.getTime() - 86_400_000 * 30) });
  await kase(cat.id, 'resolved', { followUpSentAt: at, rating: 4 });
  const identity = await db.identity.findFirstOrThrow({ where: { externalId: 'a1' } });
  await db.mention.create({
    data: {
      channel: 'x',
      externalId: 'm1',
      identityId: identity.id,
      customerId: ann.id,
      text: 'stored',
      postedAt: at,
      editedAt: at,
      mentionsBrand: true,
      score: 0.1,
      complaint: false,
      reasons: '[]',
      topic: 'billing',
      severity: 'none',
      language: 'en',
      decision: 'ignore',
      decisionReasons: '[]',
    },
  });
  await db.advocate.create({
    data: { slackUserId: 'U1', channel: 'x', handle: 'ann', verificationCode: 'CODE7' },
  });
  await db.advocate.create({
    data: { slackUserId: 'U2', channel: 'x', handle: 'old', accountId: 'b1', verificationCode: 'ZZZ', verifiedAt: at },
  });
  return customers.map((c) => c.id);
}

async function lookUps(tx: DbTx, customerIds: number[]) {
  const batch = [mention('m1', 'a1', 'ann'), mention('m2', 'b1', 'bob'), mention('m3', 'zz')];
  const known = await findKnownMentions(tx, batch);
  // Only known authors: linking a newcomer would write rows, and the writes are tested elsewhere.
  const links = await linkAuthors(tx, batch.slice(0, 2), at);
  const open = await findOpenCases(tx, [...customerIds, ...customerIds]);
  const awaiting = await findCasesAwaitingRating(tx, customerIds, new Date(at.getTime() - 86_400_000));
  const advocates = await findAdvocatePosts(tx, batch);
  return {
    known: [...known].map(([k, v]) => [k, { id: v.id, caseId: v.caseId, editedAt: v.editedAt, text: v.text }]),
    links: [...links],
    open: [...open],
    awaiting: [...awaiting],
    advocates: [...advocates],
  };
}

describe('pipeline look-ups on SQLite', () => {
  it('answer alike through prepared statements and through Prisma', async () => {
    const { db, close } = await tempDb();
    try {
      const customerIds = await seed(db);
      const viaPrisma = await db.$transaction(async (tx) => {
        expect(rawReader(tx)).toBeUndefined();
        return lookUps(tx, customerIds);
      });
      const viaRaw = await db.$transaction(async (tx) => {
        allowRawWrites(tx);
        expect(rawReader(tx)).toBeDefined();
        return lookUps(tx, customerIds);
      });
      expect(viaRaw).toEqual(viaPrisma);
      // What the seed makes each look-up find, so an empty answer both ways cannot pass.
      expect(viaRaw.known.map(([k]) => k)).toEqual(['x:m1']);
      expect(viaRaw.known[0][1]).toMatchObject({ editedAt: at });
      expect(viaRaw.links.map(([k, l]) => [k, l.optedOut, l.lastPrivateInboundAt])).toEqual([
        ['x:a1', false, null],
        ['x:b1', true, at],
      ]);
      expect(viaRaw.open.map(([c, cases]) => [c, cases.length])).toEqual([[customerIds[0], 2]]);
      expect(viaRaw.awaiting.map(([c]) => c)).toEqual([customerIds[1]]);
      expect(viaRaw.advocates.map(([k, p]) => [k, p.verifies, p.advocate.slackUserId])).toEqual([
        ['x:m1', true, 'U1'],
        ['x:m2', false, 'U2'],
      ]);
    } finally {
      await close();
    }
  });
});
