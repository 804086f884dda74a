import { DM_CURSOR } from '../../../adapters/x/poll-direct-messages';
import { SendError } from '../../../src/core/channel-adapter';
import { readCursor } from '../../../src/store/cursor-position';
import { xContractMissing } from '../../helpers/x-contract-server';
import { BRAND } from '../../helpers/x-fixtures';
import { type XHarness, xHarness } from '../../helpers/x-harness';

if (xContractMissing) console.warn(xContractMissing);
const describeX = xContractMissing ? describe.skip : describe;

const COMPLAINT = '@lumora my order never arrived and nobody answers. Unacceptable!';

describeX('X direct messages (real twitter-api-v2 against the contract)', () => {
  let h: XHarness;
  const dmsSent = () => h.server.requests.filter((r) => r.operationId === 'createDirectMessagesByParticipantId');

  beforeEach(async () => {
    h = await xHarness();
  });
  afterEach(async () => {
    expect(h.server.violations).toEqual([]);
    await h.close();
  });

  it('never opens a DM to a customer who has not written to the brand: the invitation is in the public reply', async () => {
    h.fx.post(h.fx.user('maria'), COMPLAINT);
    await h.cycle();
    expect(h.posted()).toHaveLength(1);
    expect(h.posted()[0].body.text).toMatch(/DM/);
    expect(dmsSent()).toHaveLength(0);
    expect(await h.db.outboundMessage.count({ where: { kind: 'private_message' } })).toBe(0);
  });

  it('invites by DM once the customer wrote to the brand first; their DM is read before their post is decided', async () => {
    const ana = h.fx.user('ana', 'Ana Lopez');
    const hello = h.fx.dm(ana, 'hello there', 10);
    const post = h.fx.post(ana, COMPLAINT, 2);
    h.fx.dm(BRAND, 'an old message from the brand to someone', 20, h.fx.user('someone'));
    await h.cycle();

    const [dm] = dmsSent();
    expect(dm.path).toBe(`/2/dm_conversations/with/${ana.id}/messages`);
    expect(dm.body.text).toMatch(/^Hi Ana, .*#\d+/);
    expect(h.posted()[0].body.reply.in_reply_to_tweet_id).toBe(post.id);
    const identity = await h.db.identity.findFirst({ where: { externalId: ana.id } });
    expect(identity!.lastPrivateInboundAt).toEqual(new Date(hello.created_at!));
    expect(await readCursor(h.db, DM_CURSOR)).toBe(hello.id); // the newest event read (the brand's own is skipped, not lost)
    const dmSpend = await h.db.spendEntry.findFirst({ where: { action: 'private_message' } });
    expect(dmSpend!.costUsd).toBe(0.015);
  });

  it('reads only DMs newer than its cursor, with a small first page, and bills a DM event once a day', async () => {
    const ana = h.fx.user('ana');
    h.fx.dm(ana, 'hello', 30);
    await h.poll();
    const later = h.fx.dm(ana, 'are you there?', 0);
    h.delivered.length = 0;
    await h.poll();
    const calls = h.server.requests.filter((r) => r.operationId === 'getDirectMessagesEvents');
    expect(calls.map((c) => c.query.max_results)).toEqual(['100', '10']);
    expect(h.delivered.map((m) => m.id)).toEqual([later.id]);
    expect(h.delivered[0]).toMatchObject({ isPrivate: true, text: 'are you there?' });
    const billed = await h.db.spendEntry.aggregate({ where: { action: 'read_dm_events' }, _sum: { costUsd: true } });
    expect(billed._sum.costUsd).toBeCloseTo(2 * 0.01, 6); // the first DM was returned twice, billed once
  });

  it('refuses, without calling X, a DM to someone who never wrote to the brand, whoever queued it', async () => {
    const maria = h.fx.user('maria');
    const error = await h.adapter
      .sendPrivate({ idempotencyKey: 'followup:1', text: 'Hi!', recipient: { id: maria.id, handle: 'maria' } })
      .catch((e) => e);
    expect(error).toBeInstanceOf(SendError);
    expect(error).toMatchObject({ failure: 'rejected', retryable: false });
    expect(error.message).toMatch(/only after the customer wrote to the brand first/);
    expect(dmsSent()).toHaveLength(0);
  });
});
