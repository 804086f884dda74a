import { cleanText } from '../../src/core/clean-text';
import { ingestBatch } from '../../src/pipeline/ingest-batch';
import type { Db } from '../../src/store/create-db';
import { mention } from '../helpers/fixtures';
import { testDeps } from '../helpers/pipeline-deps';
import { tempDb } from '../helpers/temp-db';

describe('ingestBatch', () => {
  let db: Db;
  let close: () => Promise<void>;
  beforeEach(async () => ({ db, close } = await tempDb()));
  afterEach(() => close());

  it('stores a complaint with its score, opens a case and queues the messages in one go', async () => {
    const m = mention({
      channel: 'discord',
      id: 'd1',
      author: { id: 'a1', handle: 'maria', name: 'Maria Kettle' },
      place: { guildId: 'g', channelId: 'c' },
    });
    const [o] = await ingestBatch(testDeps(db), [m]);
    expect(o).toMatchObject({ status: 'new', caseOpened: true, decision: { action: 'acknowledge' } });
    const row = await db.mention.findUniqueOrThrow({
      where: { channel_externalId: { channel: 'discord', externalId: 'd1' } },
    });
    expect(row).toMatchObject({ complaint: true, decision: 'acknowledge', caseId: o.caseId, topic: 'delivery' });
    expect(JSON.parse(row.reasons).join(' ')).toMatch(/never arrived/);
    const c = await db.case.findUniqueOrThrow({ where: { id: o.caseId! } });
    expect(c).toMatchObject({ status: 'open', customerId: row.customerId, acknowledgedAt: null });
    const out = await db.outboundMessage.findMany({ orderBy: { id: 'asc' } });
    expect(out.map((x) => [x.kind, x.idempotencyKey])).toEqual([
      ['private_message', 'invite:discord:d1'],
      ['public_reply', 'ack:discord:d1'],
      ['slack_case', `slack:case:${c.id}`],
    ]);
    expect(out[1].text).toBe(o.acknowledgement);
    expect(out[1].text).toContain('Maria');
    expect(JSON.parse(out[1].target)).toEqual({
      inReplyTo: { id: 'd1', authorId: 'a1', place: { guildId: 'g', channelId: 'c' } },
      // Discord: if the DM invitation cannot be delivered, the reply says how to reach the team instead.
      fallback: {
        ifNotDelivered: 'invite:discord:d1',
        text: expect.stringMatching(/message @LumoraCares|DM @LumoraCares|@LumoraCares/),
      },
    });
    expect(JSON.parse(out[1].target).fallback.text).toContain('#1');
    expect(await db.caseEvent.count({ where: { caseId: c.id, type: 'opened' } })).toBe(1);
  });

  it('a complaint about something else opens a second case; later words join the case of their topic', async () => {
    const deps = testDeps(db);
    const author = { id: 'a9', handle: 'noor', name: 'Noor' };
    const [billing] = await ingestBatch(deps, [
      mention({ author, text: '@lumora you charged me twice, refund it now' }),
    ]);
    // In one batch: another story, then more of it.
    const [delivery, more] = await ingestBatch(deps, [
      mention({ author, text: '@lumora and my parcel never arrived, the courier lied. Terrible' }),
      mention({ author, text: '@lumora the parcel tracking says delivered but nothing came, awful' }),
    ]);
    expect(billing.caseOpened && delivery.caseOpened).toBe(true);
    expect(delivery.caseId).not.toBe(billing.caseId);
    expect(delivery.decision?.reasons[0]).toMatch(/about delivery while case #\d+ is about billing/);
    expect(more).toMatchObject({ caseOpened: false, caseId: delivery.caseId });
    const later = await ingestBatch(deps, [
      mention({ author, text: '@lumora the refund for the double charge is not on my card, wrong amount' }),
      mention({ author, text: '@lumora hello?? still nothing', inReplyToId: 'p-brand-1' }),
      mention({ author, text: 'here is my order number', isPrivate: true }),
    ]);
    expect(later.map((o) => o.caseId)).toEqual([billing.caseId, delivery.caseId, delivery.caseId]);
    expect(later.every((o) => !o.caseOpened)).toBe(true);
    expect(
      await db.case.count({
        where: { customerId: (await db.case.findUniqueOrThrow({ where: { id: billing.caseId! } })).customerId },
      }),
    ).toBe(2);
    expect(await db.outboundMessage.count({ where: { kind: 'public_reply' } })).toBe(2);
  });

  it("drops duplicates (in the batch and across runs) and the brand's own posts", async () => {
    const deps = testDeps(db);
    const m = mention();
    const own = mention({ author: { handle: 'LumoraCares' }, text: 'We are looking into the outage' });
    const first = await ingestBatch(deps, [m, { ...m }, own]);
    expect(first.map((o) => o.status)).toEqual(['new', 'duplicate', 'own_post']);
    const again = await ingestBatch(deps, [m]);
    expect(again[0].status).toBe('duplicate');
    expect(await db.mention.count()).toBe(1);
    expect(await db.outboundMessage.count({ where: { kind: 'public_reply' } })).toBe(1);
  });

  it("links a customer's later mentions to their open case without a second acknowledgement", async () => {
    const author = { id: 'same', handle: 'sam', name: 'Sam' };
    const deps = testDeps(db);
    const [first, second] = await ingestBatch(deps, [
      mention({ author }),
      mention({ author, text: '@lumora still nothing??' }),
    ]);
    const [third] = await ingestBatch(deps, [mention({ author, text: '@lumora hello??? anyone' })]);
    expect(second).toMatchObject({ caseId: first.caseId, decision: { action: 'attach_to_case' } });
    expect(second.caseOpened).toBeFalsy();
    expect(third.caseId).toBe(first.caseId);
    expect(await db.case.count()).toBe(1);
    expect(await db.customer.count()).toBe(1);
    expect(await db.outboundMessage.count({ where: { kind: 'public_reply' } })).toBe(1);
    expect(await db.outboundMessage.count({ where: { kind: 'slack_thread', caseId: first.caseId } })).toBe(2);
  });

  it('updates an edited mention instead of adding a new one, and tells the case thread', async () => {
    const deps = testDeps(db);
    const m = mention({ channel: 'discord', id: 'e1' });
    const [o] = await ingestBatch(deps, [m]);
    const edit = { ...m, text: `${m.text} I want to speak to a manager`, editedAt: new Date('2026-11-18T09:30:00Z') };
    const [e] = await ingestBatch(deps, [edit]);
    expect(e).toMatchObject({ status: 'edited', mentionId: o.mentionId, caseId: o.caseId });
    expect(await db.mention.count()).toBe(1);
    expect((await db.mention.findFirstOrThrow()).text).toContain('manager');
    expect(await db.caseEvent.count({ where: { type: 'mention_edited' } })).toBe(1);
    expect((await ingestBatch(deps, [edit]))[0].status).toBe('duplicate');
  });

  it('records an opt-out and never acknowledges that customer automatically again', async () => {
    const author = { id: 'opt', handle: 'opt', name: 'Opt' };
    const deps = testDeps(db);
    await ingestBatch(deps, [mention({ author, text: '@lumora stop' })]);
    const [later] = await ingestBatch(deps, [mention({ author })]);
    expect(later.decision).toMatchObject({ action: 'open_case', holdReason: expect.stringMatching(/opted out/) });
    expect((await db.customer.findFirstOrThrow()).optedOutAt).not.toBeNull();
    expect(await db.outboundMessage.count({ where: { kind: 'public_reply' } })).toBe(0);
  });

  it('opens the case but holds the answer while acknowledgements are paused', async () => {
    const [o] = await ingestBatch(testDeps(db, { acknowledgementsPaused: async () => true }), [mention()]);
    expect(o.caseOpened).toBe(true);
    expect((await db.case.findFirstOrThrow()).holdReason).toBe('automatic acknowledgements are paused');
    expect(await db.outboundMessage.count({ where: { kind: { in: ['public_reply', 'private_message'] } } })).toBe(0);
    expect(await db.outboundMessage.count({ where: { kind: 'slack_case' } })).toBe(1);
  });

  it('turns a keyword mention into a Slack alert only', async () => {
    const [o] = await ingestBatch(testDeps(db), [
      mention({ mentionsBrand: false, text: 'lumora is the worst, down again' }),
    ]);
    expect(o.decision!.action).toBe('alert');
    expect((await db.outboundMessage.findMany()).map((x) => x.kind)).toEqual(['slack_alert']);
  });

  it('on X, sends the first DM only to someone who wrote to the brand privately before', async () => {
    const author = { id: 'dm', handle: 'dmer', name: 'Dee' };
    const deps = testDeps(db);
    await ingestBatch(deps, [mention({ author })]);
    expect(await db.outboundMessage.count({ where: { kind: 'private_message' } })).toBe(0);
    await ingestBatch(deps, [mention({ author, isPrivate: true, text: 'here is my account email' })]);
    expect((await db.identity.findFirstOrThrow()).lastPrivateInboundAt).not.toBeNull();
    await db.case.updateMany({ data: { status: 'resolved' } });
    await ingestBatch(deps, [mention({ author, text: '@lumora broken again, useless!!' })]);
    expect(await db.outboundMessage.count({ where: { kind: 'private_message' } })).toBe(1);
  });

  it('stores hostile text as data and never lets it break the batch', async () => {
    const hostile = mention({
      text: `<!channel> @everyone <script>x</script>\u0000 never arrived ${'A'.repeat(50_000)}`,
      author: { name: '<@U123> @here' },
    });
    const [o] = await ingestBatch(testDeps(db), [{ ...hostile, text: cleanText(hostile.text) }]);
    expect(o.status).toBe('new');
    const row = await db.mention.findFirstOrThrow();
    expect(row.text.startsWith('<!channel> @everyone <script>x</script> never arrived')).toBe(true);
    expect(row.text.length).toBeLessThan(20_100);
  });
});

describe('ingestBatch with an edit in the same batch as its original', () => {
  it('stores the original, then applies the edit to it', async () => {
    const { db, close } = await tempDb();
    const m = mention({ channel: 'discord', id: 'same-batch', text: '@lumora meh, wifi bit slow' });
    const edit = {
      ...m,
      text: '@lumora wifi down AGAIN, third time this week, useless!!!',
      editedAt: new Date('2026-11-18T09:05:00Z'),
    };
    const outcomes = await ingestBatch(testDeps(db), [m, edit]);
    expect(outcomes.map((o) => o.status)).toEqual(['new', 'edited']);
    expect(await db.mention.count()).toBe(1);
    expect((await db.mention.findFirstOrThrow()).text).toBe(edit.text);
    await close();
  });
});
