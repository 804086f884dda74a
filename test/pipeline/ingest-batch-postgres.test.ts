import { caseOutboxHooks } from '../../src/cases/record-message-outcome';
import { silentLogger } from '../../src/log/create-logger';
import { OutboxSender } from '../../src/outbox/outbox-sender';
import { ingestBatch } from '../../src/pipeline/ingest-batch';
import { mention } from '../helpers/fixtures';
import { FakePlatform } from '../helpers/flaky-transport';
import { testDeps } from '../helpers/pipeline-deps';
import { postgresSuite } from '../helpers/postgres-suite';

const pg = postgresSuite('PostgreSQL pipeline tests');

pg.describe('the pipeline on PostgreSQL', () => {
  it('stores mentions, customers, cases and intents in bulk, dedupes, and sends once', async () => {
    const db = pg.db();
    const author = { id: 'pg1', handle: 'pat', name: 'Pat' };
    const batch = [
      mention({ author }),
      mention({ author, text: '@lumora hello?? still broken' }),
      mention({ text: '@lumora love it thanks' }),
    ];
    const outcomes = await ingestBatch(testDeps(db), batch);
    expect(outcomes.map((o) => o.decision?.action)).toEqual(['acknowledge', 'attach_to_case', 'ignore']);
    expect(outcomes[1].caseId).toBe(outcomes[0].caseId);
    expect((await ingestBatch(testDeps(db), batch)).every((o) => o.status === 'duplicate')).toBe(true);
    const stored = await db.mention.findFirstOrThrow({ where: { externalId: batch[0].id } });
    expect(stored.postedAt).toEqual(batch[0].createdAt);
    expect(stored.complaint).toBe(true);
    const platform = new FakePlatform();
    const sent = await new OutboxSender({
      ...caseOutboxHooks,
      db,
      transports: { x: platform, slack: platform },
      logger: silentLogger(),
      now: () => new Date('2026-11-18T10:00:00Z'),
    }).drain();
    expect(sent.sent).toBe(await db.outboundMessage.count({ where: { status: 'sent' } }));
    // Everything queued before the drain went out; only notices it queued itself (a case card posted
    // before its acknowledgement gets an update and a thread note) wait for the next drain.
    const notices = ['slack_case_update', 'slack_thread'];
    expect(await db.outboundMessage.count({ where: { status: { not: 'sent' }, kind: { notIn: notices } } })).toBe(0);
    expect((await db.case.findUniqueOrThrow({ where: { id: outcomes[0].caseId! } })).acknowledgedAt).not.toBeNull();
  });
});
