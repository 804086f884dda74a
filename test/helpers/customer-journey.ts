import { rulesOf } from '../../src/app/known-channels';
import { exportCustomer } from '../../src/cases/export-customer';
import { forgetCustomer } from '../../src/cases/forget-customer';
import { unlinkIdentity } from '../../src/cases/unlink-identity';
import { sendFollowUps } from '../../src/jobs/send-follow-ups';
import { ingestBatch } from '../../src/pipeline/ingest-batch';
import type { Db } from '../../src/store/create-db';
import { mention } from './fixtures';
import { prompts, testDeps } from './pipeline-deps';

let run = 0;

/**
 * One person across channels, end to end, on whichever database `db()` returns (SQLite and PostgreSQL
 * test files both call this): link by reference, opt-out across channels, the follow-up where they
 * last spoke privately, unlink, export and forget.
 */
export function customerJourneyTests(db: () => Db): void {
  // Unique ids per test: the PostgreSQL database is shared by the file's tests.
  const ids = () => {
    run++;
    return {
      x: { id: `x-maria-${run}`, handle: `maria_k${run}`, name: `Maria K${run}` },
      discord: { id: `d-maria-${run}`, handle: `maria.k${run}`, name: `Maria K${run}` },
    };
  };
  const ingest = (...ms: ReturnType<typeof mention>[]) => ingestBatch(testDeps(db()), ms);

  async function linkedMaria() {
    const who = ids();
    const [x] = await ingest(mention({ author: who.x }));
    const [d] = await ingest(mention({ channel: 'discord', author: who.discord, text: `@lumora Ref #${x.caseId} ??` }));
    expect(d.caseId).toBe(x.caseId);
    return { who, x, d };
  }

  it('"stop" on Discord stops automatic messages on X too', async () => {
    const { who, x } = await linkedMaria();
    const [stop] = await ingest(mention({ channel: 'discord', author: who.discord, text: 'stop messaging me' }));
    expect(stop.decision!.optOut).toBe(true);
    expect((await db().customer.findUniqueOrThrow({ where: { id: x.customerId! } })).optedOutAt).not.toBeNull();
    await db().case.update({ where: { id: x.caseId! }, data: { status: 'resolved', resolvedAt: new Date() } });
    const [again] = await ingest(mention({ author: who.x, text: '@lumora my internet is down again, useless!' }));
    expect(again.caseOpened).toBe(true);
    expect(again.decision!.acknowledge).toBe(false);
    expect(again.decision!.holdReason).toContain('opted out');
  });

  it('the follow-up goes to the channel where the person last wrote privately', async () => {
    const { who, x } = await linkedMaria();
    await ingest(mention({ channel: 'discord', author: who.discord, isPrivate: true, text: 'it is order 55512' }));
    await db().case.update({
      where: { id: x.caseId! },
      data: {
        status: 'resolved',
        resolvedAt: new Date('2026-11-18T12:00:00Z'),
        followUpDueAt: new Date('2026-11-19T09:00:00Z'),
      },
    });
    const sent = await sendFollowUps(
      { db: db(), prompts, brandName: 'Lumora', channelRules: rulesOf },
      new Date('2026-11-19T10:00:00Z'),
    );
    expect(sent).toContain(x.caseId);
    const followUp = await db().outboundMessage.findUniqueOrThrow({
      where: { idempotencyKey: `followup:${x.caseId}` },
    });
    expect(followUp).toMatchObject({ channel: 'discord', kind: 'private_message' });
    expect(JSON.parse(followUp.target).recipient.id).toBe(who.discord.id);
  });

  it('unlinking restores the history: the Discord posts leave the case and return to their own customer', async () => {
    const { x, d } = await linkedMaria();
    const link = await db().identityLink.findFirstOrThrow({ where: { toCustomerId: x.customerId! } });
    const r = await db().$transaction((tx) =>
      unlinkIdentity(tx, { linkId: link.id, actor: 'slack:U0ALICE001', reason: 'not her', at: new Date() }),
    );
    expect(r).toMatchObject({ ok: true, detachedMentionIds: [d.mentionId] });
    const post = await db().mention.findUniqueOrThrow({ where: { id: d.mentionId! } });
    expect(post).toMatchObject({ customerId: link.fromCustomerId, caseId: null });
    const event = await db().caseEvent.findFirstOrThrow({ where: { caseId: x.caseId!, type: 'identity_unlinked' } });
    expect(event.actor).toBe('slack:U0ALICE001');
  });

  it('export holds everything about the person; forget leaves only counts, and the handle starts fresh', async () => {
    const { who, x } = await linkedMaria();
    await ingest(
      mention({ channel: 'discord', author: who.discord, isPrivate: true, text: 'my email is maria@example.com' }),
    );
    const doc = (await exportCustomer(db(), { customerId: x.customerId!, actor: 'cli', at: new Date() }))!;
    expect(doc.identities.map((i) => i.handle).sort()).toEqual([who.x.handle, who.discord.handle].sort());
    expect(doc.mentions).toHaveLength(3);
    expect(doc.mentions.map((m) => m.text)).toContain('my email is maria@example.com');
    expect(doc.cases).toHaveLength(1);
    expect((doc.cases[0].events as unknown[]).length).toBeGreaterThan(1);
    expect(doc.messagesSent.some((m) => m.purpose === 'acknowledgement')).toBe(true);
    expect(doc.links).toEqual([expect.objectContaining({ how: 'reference' })]);

    const pendingBefore = await db().outboundMessage.count({ where: { caseId: x.caseId!, status: 'pending' } });
    expect(pendingBefore).toBeGreaterThan(0);
    const summary = (await forgetCustomer(db(), { customerId: x.customerId!, actor: 'cli', at: new Date() }))!;
    expect(summary).toMatchObject({ identities: 2, mentions: 3, cases: 1, pendingRemoved: pendingBefore });
    const left = await db().mention.findMany({ where: { customerId: x.customerId! } });
    expect(left).toHaveLength(3);
    expect(left.every((m) => m.text === '' && m.url === null)).toBe(true);
    expect(left.filter((m) => m.complaint).length).toBeGreaterThan(0);
    const identities = await db().identity.findMany({ where: { customerId: x.customerId! } });
    expect(identities.every((i) => i.handle === '' && i.name === '' && i.externalId.startsWith('forgotten:'))).toBe(
      true,
    );
    expect(await db().outboundMessage.count({ where: { caseId: x.caseId!, status: { not: 'sent' } } })).toBe(0);
    expect(await db().outboundMessage.count({ where: { caseId: x.caseId!, text: { not: '' } } })).toBe(0);
    expect(await db().contactClue.count({ where: { identityId: { in: identities.map((i) => i.id) } } })).toBe(0);
    const serialized = JSON.stringify(await db().caseEvent.findMany({ where: { caseId: x.caseId! } }));
    expect(serialized).not.toContain('maria@example.com');
    expect(await db().dataRequest.findMany({ where: { customerId: x.customerId! } })).toEqual([
      expect.objectContaining({ kind: 'export', by: 'cli' }),
      expect.objectContaining({ kind: 'forget', by: 'cli' }),
    ]);
    // A later post from the same X account: a new customer, a new case, nothing linked.
    const [later] = await ingest(mention({ author: who.x, text: '@lumora my bill is wrong, charged twice!' }));
    expect(later.customerId).not.toBe(x.customerId);
    expect(later.caseOpened).toBe(true);
  });
}
