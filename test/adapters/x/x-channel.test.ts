import { dmLink } from '../../../adapters/x/x-channel';
import { configuredChannels } from '../../../src/app/known-channels';
import { loadAppConfig } from '../../../src/app/load-app-config';
import { SERVER_ERROR } from '../../helpers/fake-x';
import { xContractMissing } from '../../helpers/x-contract-server';
import { BRAND } from '../../helpers/x-fixtures';
import { type XHarness, xHarness } from '../../helpers/x-harness';

if (xContractMissing) console.warn(xContractMissing);
const describeX = xContractMissing ? describe.skip : describe;

const COMPLAINT = '@lumora my order never arrived and nobody answers. Unacceptable!';

describe('the X channel', () => {
  it('is not configured when the X credentials are not set', () => {
    expect(configuredChannels(loadAppConfig({})).map((c) => c.channel.name)).not.toContain('x');
  });
});

describeX('X channel rules (real twitter-api-v2 against the contract)', () => {
  let h: XHarness;
  afterEach(async () => {
    expect(h.server.violations).toEqual([]);
    await h.close();
  });

  it('with X_DM_LINK on, ends the acknowledgement with the DM deep link and books it as a post with a URL (20 times the plain reply)', async () => {
    h = await xHarness({ env: { X_DM_LINK: 'true' } });
    h.fx.post(h.fx.user('maria'), COMPLAINT);
    await h.cycle();
    const [call] = h.posted();
    expect(call.body.text).toContain(dmLink(BRAND.id));
    expect(dmLink(BRAND.id)).toBe(`https://x.com/messages/compose?recipient_id=${BRAND.id}`);
    const row = await h.db.outboundMessage.findFirst({ where: { kind: 'public_reply' } });
    expect(await h.db.spendEntry.findFirst({ where: { outboundId: row!.id } })).toMatchObject({ costUsd: 0.2 });
  });

  it('after a 5xx, recognises its reply with a DM link although X shortened the link to t.co', async () => {
    h = await xHarness({ env: { X_DM_LINK: 'true' } });
    const post = h.fx.post(h.fx.user('maria'), COMPLAINT);
    await h.poll();
    h.fx.failNext('createPosts', SERVER_ERROR, { apply: true });
    await h.sender.drain();
    h.time.advance(6_000);
    await h.sender.drain();
    const [reply] = h.fx.brandPosts();
    expect(reply.text).toContain('https://t.co/');
    expect(reply.referenced_tweets).toEqual([{ type: 'replied_to', id: post.id }]);
    expect(h.posted()).toHaveLength(1);
    expect(await h.db.outboundMessage.findFirst({ where: { kind: 'public_reply' } })).toMatchObject({
      status: 'sent',
      externalId: reply.id,
    });
  });

  it('honours "stop": no reply to it, and none to that customer afterwards', async () => {
    h = await xHarness();
    const maria = h.fx.user('maria');
    h.fx.post(maria, '@lumora stop', 5);
    await h.cycle();
    h.fx.post(maria, COMPLAINT, 1);
    await h.cycle();
    expect(h.posted()).toHaveLength(0);
    const customer = await h.db.customer.findFirst({ where: { identities: { some: { externalId: maria.id } } } });
    expect(customer!.optedOutAt).not.toBeNull();
    expect((await h.db.case.findFirst())!.holdReason).toMatch(/opted out/);
  });

  it('holds an acknowledgement queued before the customer said "stop" by DM', async () => {
    h = await xHarness();
    const maria = h.fx.user('maria');
    h.fx.post(maria, COMPLAINT, 5);
    await h.poll(); // decided and queued, not sent yet
    h.fx.dm(maria, 'STOP', 0);
    await h.cycle();
    expect(h.posted()).toHaveLength(0);
    const ack = await h.db.outboundMessage.findFirst({ where: { kind: 'public_reply' } });
    expect(ack).toMatchObject({ status: 'held', error: expect.stringContaining('opted out') });
  });

  it('stops automatic posts once the daily budget is reached: queued ones are held, new cases open with "budget reached"', async () => {
    h = await xHarness({ env: { X_DAILY_BUDGET_USD: '0.012' } });
    const [a, b, c, d] = ['ana', 'ben', 'cleo', 'dan'].map((n) => h.fx.user(n));
    for (const who of [a, b, c]) h.fx.post(who, COMPLAINT, 3);
    await h.cycle(); // reads 3 x 0.001, then the first reply (0.01) reaches 0.013: the next two are held
    expect(h.posted()).toHaveLength(1);
    const acks = await h.db.outboundMessage.findMany({ where: { kind: 'public_reply' }, orderBy: { id: 'asc' } });
    expect(acks.map((r) => [r.status, r.error])).toEqual([
      ['sent', null],
      ['held', 'budget reached'],
      ['held', 'budget reached'],
    ]);
    const cases = await h.db.case.findMany({ orderBy: { id: 'asc' } });
    expect(cases.map((k) => k.holdReason)).toEqual([null, 'budget reached', 'budget reached']);
    // Every case still goes to the team (a card posted before its ack also gets an update and a note).
    const cards = () => h.db.outboundMessage.count({ where: { kind: 'slack_case', status: 'sent' } });
    expect(await cards()).toBe(3);

    h.fx.post(d, COMPLAINT, 0);
    await h.cycle();
    expect(h.posted()).toHaveLength(1);
    const last = await h.db.case.findFirst({ orderBy: { id: 'desc' } });
    expect(last!.holdReason).toBe('budget reached');
    expect(await h.db.outboundMessage.count({ where: { kind: 'public_reply', caseId: last!.id } })).toBe(0);
    expect(await cards()).toBe(4);

    const spent = await h.db.spendEntry.aggregate({ where: { channel: 'x' }, _sum: { costUsd: true } });
    expect(spent._sum.costUsd).toBeCloseTo(0.014, 6);
  });

  it('starts answering again on the next UTC day', async () => {
    h = await xHarness({ env: { X_DAILY_BUDGET_USD: '0.011' } });
    h.fx.post(h.fx.user('ana'), COMPLAINT, 3);
    await h.cycle(); // 0.001 read + 0.01 reply: the budget is used up
    expect(await h.channel.pipeline!.budgetReached!()).toBe(true);
    h.time.advance(86_400_000);
    expect(await h.channel.pipeline!.budgetReached!()).toBe(false);
    h.fx.post(h.fx.user('ben'), COMPLAINT, 1);
    await h.cycle();
    expect(h.posted()).toHaveLength(2);
  });
});
