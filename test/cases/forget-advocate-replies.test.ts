import { forgetCustomer } from '../../src/cases/forget-customer';
import { addAdvocate } from '../../src/cases/manage-advocates';
import { ingestBatch } from '../../src/pipeline/ingest-batch';
import type { Db } from '../../src/store/create-db';
import { mention } from '../helpers/fixtures';
import { testDeps } from '../helpers/pipeline-deps';
import { tempDb } from '../helpers/temp-db';

describe("forgetting a customer reaches the staff advocates' replies to them", () => {
  let db: Db;
  let close: () => Promise<void>;
  beforeEach(async () => ({ db, close } = await tempDb()));
  afterEach(() => close());

  it("erases the reply's text and the check's words; keeps which rules flagged it", async () => {
    const linked = await addAdvocate(db, {
      slackUserId: 'U0JADE0001',
      channel: 'x',
      handle: 'jade_lumora',
      at: new Date(),
    });
    if (!linked.ok) throw new Error('not linked');
    await db.advocate.update({ where: { id: linked.advocate.id }, data: { verifiedAt: new Date(), accountId: 'j1' } });
    const [customer] = await ingestBatch(testDeps(db), [
      mention({ author: { id: 'c1', handle: 'maria', name: 'Maria' } }),
    ]);
    const [reply] = await ingestBatch(testDeps(db), [
      mention({
        author: { id: 'j1', handle: 'jade_lumora', name: 'Jade' },
        inReplyToId: customer.mention.id,
        text: '@maria @lumora I emailed maria.k@example.com about it',
      }),
    ]);
    expect(reply.caseId).toBe(customer.caseId);
    const customerId = (await db.case.findUniqueOrThrow({ where: { id: customer.caseId! } })).customerId;
    await forgetCustomer(db, { customerId, actor: 'cli', at: new Date() });
    const stored = await db.mention.findUniqueOrThrow({ where: { id: reply.mentionId! } });
    expect(stored.text).toBe('');
    expect(stored.advocateFlags).not.toContain('maria.k@example.com');
    expect(JSON.parse(stored.advocateFlags!)).toEqual([expect.objectContaining({ rule: 'personal_data', words: [] })]);
  });
});
