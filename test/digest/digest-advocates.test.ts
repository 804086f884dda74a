import { addAdvocate } from '../../src/cases/manage-advocates';
import { buildDigest } from '../../src/digest/build-digest';
import { queryDigestData } from '../../src/digest/query-digest-data';
import { renderDigestMarkdown } from '../../src/digest/render-digest-markdown';
import { ingestBatch } from '../../src/pipeline/ingest-batch';
import type { Db } from '../../src/store/create-db';
import { mention } from '../helpers/fixtures';
import { testDeps } from '../helpers/pipeline-deps';
import { postgresSuite } from '../helpers/postgres-suite';
import { tempDb } from '../helpers/temp-db';

const period = {
  from: new Date('2026-11-18T00:00:00Z'),
  to: new Date('2026-11-19T00:00:00Z'),
  bucket: 'day' as const,
  timeZone: 'UTC',
};

/** Links and verifies an advocate's account straight in the database (the Slack flow has its own test). */
async function verified(db: Db, slackUserId: string, handle: string, accountId: string) {
  const r = await addAdvocate(db, { slackUserId, channel: 'x', handle, at: period.from });
  if (!r.ok) throw new Error('not linked');
  await db.advocate.update({ where: { id: r.advocate.id }, data: { verifiedAt: period.from, accountId } });
  return { id: accountId, handle, name: handle };
}

/** Two cases at 10:00 (the test clock), answered by two advocates 30, 70 and 120 minutes later; one reply flagged. */
async function answerTwoCases(db: Db) {
  const jade = await verified(db, 'U0JADE0001', 'jade_lumora', '1700000000000000777');
  const omar = await verified(db, 'U0OMAR0001', 'omar_lumora', '1700000000000000778');
  const [a, b] = await ingestBatch(testDeps(db), [
    mention({ id: '1859000000000000001', author: { id: 'c1', handle: 'maria', name: 'Maria' } }),
    mention({ id: '1859000000000000002', author: { id: 'c2', handle: 'sam', name: 'Sam' } }),
  ]);
  const replies = await ingestBatch(testDeps(db), [
    mention({
      author: jade,
      inReplyToId: a.mention.id,
      createdAt: new Date('2026-11-18T10:30:00Z'),
      text: '@maria @lumora So sorry! Could you DM us so we can look into it?',
    }),
    mention({
      author: omar,
      inReplyToId: b.mention.id,
      createdAt: new Date('2026-11-18T11:10:00Z'),
      text: "@sam @lumora honestly I'd switch too",
    }),
    mention({
      author: jade,
      inReplyToId: b.mention.id,
      createdAt: new Date('2026-11-18T12:00:00Z'),
      text: '@sam @lumora the care team has it now, sorry for the wait',
    }),
  ]);
  expect(replies.map((r) => r.caseId)).toEqual([a.caseId, b.caseId, b.caseId]);
}

const ADVOCATE_FIGURES = { replies: 3, people: 2, flagged: 1, reply: { n: 3, median: 70, p90: 110 } };

describe("the digest counts advocates' replies", () => {
  let db: Db;
  let close: () => Promise<void>;
  beforeEach(async () => ({ db, close } = await tempDb()));
  afterEach(() => close());

  it('how many, from how many people, median time from the case opening, how many flagged; not counted as mentions', async () => {
    await answerTwoCases(db);
    const d = buildDigest(await queryDigestData(db, period, 'sqlite'));
    expect(d.advocates).toEqual(ADVOCATE_FIGURES);
    expect(d.volume).toMatchObject({ total: 2, people: 2 });
    expect(d.buckets).toEqual([{ start: '2026-11-18', total: 2, complaints: 2 }]);
    // The first human reply of each case is the advocate's first.
    const cases = await db.case.findMany({ orderBy: { id: 'asc' }, select: { firstHumanReplyAt: true } });
    expect(cases.map((c) => c.firstHumanReplyAt?.toISOString())).toEqual([
      '2026-11-18T10:30:00.000Z',
      '2026-11-18T11:10:00.000Z',
    ]);
    expect(d.times.firstHumanReply).toMatchObject({ n: 2, median: 50 });
    expect(renderDigestMarkdown(d)).toContain(
      "## Staff advocates\n\n3 replies from 2 advocates' own accounts joined cases; median time to reply 1h 10m from the case opening; 1 flagged by the advocate check.",
    );
  });

  it('a period without any says so', async () => {
    const d = buildDigest(await queryDigestData(db, period, 'sqlite'));
    expect(d.advocates).toEqual({ replies: 0, people: 0, flagged: 0, reply: { n: 0 } });
    expect(renderDigestMarkdown(d)).toContain("No replies from advocates' own accounts.");
  });
});

const pg = postgresSuite("PostgreSQL advocates' digest tests");

pg.describe("the advocates' figures on PostgreSQL", () => {
  it('are the same as on SQLite, and their posts stay out of the volumes and buckets', async () => {
    await answerTwoCases(pg.db());
    const d = buildDigest(await queryDigestData(pg.db(), period, 'postgresql'));
    expect(d.advocates).toEqual(ADVOCATE_FIGURES);
    expect(d.volume).toMatchObject({ total: 2, people: 2 });
    expect(d.buckets).toEqual([{ start: '2026-11-18', total: 2, complaints: 2 }]);
  });
});
