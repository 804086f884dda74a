import { addAdvocate } from '../../src/cases/manage-advocates';
import { loadConfig } from '../../src/config/load-config';
import { escalateSla } from '../../src/jobs/escalate-sla';
import { ingestBatch } from '../../src/pipeline/ingest-batch';
import type { Db } from '../../src/store/create-db';
import { mention } from '../helpers/fixtures';
import { testDeps } from '../helpers/pipeline-deps';
import { tempDb } from '../helpers/temp-db';

describe('the pipeline and staff advocates', () => {
  let db: Db;
  let close: () => Promise<void>;
  beforeEach(async () => ({ db, close } = await tempDb()));
  afterEach(() => close());
  const link = async (verifiedAs?: string) => {
    const r = await addAdvocate(db, { slackUserId: 'U0JADE0001', channel: 'x', handle: 'jade_lumora', at: new Date() });
    if (!r.ok) throw new Error('not linked');
    if (verifiedAs)
      await db.advocate.update({
        where: { id: r.advocate.id },
        data: { verifiedAt: new Date(), accountId: verifiedAs },
      });
    return r.advocate;
  };

  it('an unverified handle without its code is a customer like any other', async () => {
    await link();
    const [o] = await ingestBatch(testDeps(db), [
      mention({
        author: { id: 'j1', handle: 'Jade_Lumora', name: 'Jade' },
        text: '@lumora my order never arrived, unacceptable',
      }),
    ]);
    expect(o.decision?.action).toBe('acknowledge');
    expect(o.caseOpened).toBe(true);
  });

  it("an advocate's reply in the same batch as the complaint it answers joins the case that complaint opens", async () => {
    await link('j1');
    const complaint = mention({ author: { id: 'c1', handle: 'maria', name: 'Maria' } });
    const [opened, reply, chatter] = await ingestBatch(testDeps(db), [
      complaint,
      mention({
        author: { id: 'j1', handle: 'jade_lumora', name: 'Jade' },
        inReplyToId: complaint.id,
        text: '@maria @lumora so sorry about this, I have asked the care team to chase it today',
      }),
      // A plain reply by someone else to the same complaint does not split the batch: it is decided as usual.
      mention({
        author: { id: 'b1', handle: 'bob', name: 'Bob' },
        inReplyToId: complaint.id,
        text: '@maria @lumora same',
      }),
    ]);
    expect(opened.caseOpened).toBe(true);
    expect([reply.decision?.action, reply.caseId]).toEqual(['advocate_reply', opened.caseId]);
    expect(chatter.status).toBe('new');
    expect((await db.case.findUniqueOrThrow({ where: { id: opened.caseId! } })).answeringHow).toBe('own_account');
  });

  it('a verified account is known by its id after a rename, and is never acknowledged whatever it says', async () => {
    await link('j1');
    const [c] = await ingestBatch(testDeps(db), [mention({ author: { id: 'c1', handle: 'maria', name: 'Maria' } })]);
    const [reply, own] = await ingestBatch(testDeps(db), [
      mention({
        author: { id: 'j1', handle: 'jade_new_name', name: 'Jade' },
        inReplyToId: c.mention.id,
        text: '@maria @lumora stop, this is unacceptable, so sorry',
      }),
      mention({
        author: { id: 'j1', handle: 'jade_new_name', name: 'Jade' },
        text: '@lumora my order never arrived, awful!',
      }),
    ]);
    expect([reply.decision?.action, reply.caseId]).toEqual(['advocate_reply', c.caseId]);
    expect([own.decision?.action, own.caseId, own.acknowledgement]).toEqual(['ignore', undefined, undefined]);
    // "stop" from an advocate is not a customer opting out.
    expect(await db.customer.count({ where: { optedOutAt: { not: null } } })).toBe(0);
    expect(
      await db.outboundMessage.count({
        where: { kind: 'public_reply', mentionId: { in: [reply.mentionId!, own.mentionId!] } },
      }),
    ).toBe(0);
  });

  it('a code post from another account does not take over a verified link', async () => {
    const advocate = await link('j1');
    const [o] = await ingestBatch(testDeps(db), [
      mention({
        author: { id: 'impostor', handle: 'jade_lumora', name: 'Jade' },
        text: `@lumora ${advocate.verificationCode}`,
      }),
    ]);
    expect(o.decision?.action).not.toBe('advocate_reply');
    expect((await db.advocate.findUniqueOrThrow({ where: { id: advocate.id } })).accountId).toBe('j1');
  });

  it('an advocate is never suggested as the same person as a customer of the same name', async () => {
    await link('j1');
    const [c] = await ingestBatch(testDeps(db), [
      mention({
        channel: 'discord',
        author: { id: 'd1', handle: 'jade.l', name: 'Jade Lumora' },
        text: '<@lumora> my router never arrived, awful',
      }),
    ]);
    expect(c.caseOpened).toBe(true);
    await ingestBatch(testDeps(db), [
      mention({ author: { id: 'j1', handle: 'jade_lumora', name: 'Jade Lumora' }, text: '@lumora hello team' }),
    ]);
    expect(await db.linkSuggestion.count()).toBe(0);
  });

  it('the SLA job leaves a case an advocate answered alone and escalates the one nobody did', async () => {
    await link('j1');
    // The test clock opens both cases at 10:00 on a Wednesday.
    const [answered, waiting] = await ingestBatch(testDeps(db), [
      mention({ author: { id: 'c1', handle: 'maria', name: 'Maria' } }),
      mention({ author: { id: 'c2', handle: 'sam', name: 'Sam' } }),
    ]);
    await ingestBatch(testDeps(db), [
      mention({
        author: { id: 'j1', handle: 'jade_lumora', name: 'Jade' },
        inReplyToId: answered.mention.id,
        createdAt: new Date('2026-11-18T10:10:00Z'),
        text: '@maria @lumora So sorry! The care team will DM you.',
      }),
    ]);
    const jobs = loadConfig({ TEAM_TIMEZONE: 'UTC', BUSINESS_HOURS: '09:00-17:00', SLA_UNCLAIMED_MINUTES: '30' }).jobs;
    expect(await escalateSla(db, jobs, new Date('2026-11-18T10:45:00Z'))).toEqual([waiting.caseId]);
  });
});
