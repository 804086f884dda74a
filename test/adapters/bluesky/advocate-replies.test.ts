import { addAdvocate } from '../../../src/cases/manage-advocates';
import { type BlueskyHarness, blueskyHarness } from '../../helpers/bluesky/bluesky-harness';

/** Links `handle` to a Slack user, unverified: the code it must post or send. */
async function link(h: BlueskyHarness, slackUserId: string, handle: string): Promise<string> {
  const linked = await addAdvocate(h.db, { slackUserId, channel: 'bluesky', handle, at: h.time.now() });
  if (!linked.ok) throw new Error(`not linked: ${linked.reason}`);
  return linked.advocate.verificationCode;
}

describe("a staff advocate's Bluesky replies (real @atproto/api against the lexicon-checked fake)", () => {
  let h: BlueskyHarness;
  beforeEach(async () => (h = await blueskyHarness()));
  afterEach(async () => {
    expect(h.server.violations).toEqual([]);
    await h.close();
  });

  it('a code sent by chat or posted verifies the account, and nothing is answered', async () => {
    const jade = h.fx.account('jade.bsky.social', { allowIncoming: 'all' });
    const omar = h.fx.account('omar.bsky.social');
    const jadeCode = await link(h, 'U0JADE0001', 'jade.bsky.social');
    const omarCode = await link(h, 'U0OMAR0001', 'omar.bsky.social');
    h.fx.message(jade, `hi, my code is ${jadeCode}`, 2);
    h.fx.post(omar, `@lumora.bsky.social verifying my account: ${omarCode}`, 1);
    await h.cycle();
    const advocates = await h.db.advocate.findMany({ orderBy: { id: 'asc' } });
    expect(advocates.map((a) => [a.handle, a.accountId, a.verifiedAt !== null])).toEqual([
      ['jade.bsky.social', jade.did, true],
      ['omar.bsky.social', omar.did, true],
    ]);
    expect(h.fx.brandPosts()).toEqual([]);
    expect(h.fx.brandMessages()).toEqual([]);
  });

  it("a reply under the brand's post joins the case (thread line, first human reply, never acknowledged); chatter on no case is dropped", async () => {
    const jade = h.fx.account('jade.bsky.social', { allowIncoming: 'all' });
    const maria = h.fx.account('maria.bsky.social', { allowIncoming: 'none' });
    const bob = h.fx.account('bob.bsky.social');
    const carol = h.fx.account('carol.bsky.social');
    h.fx.message(jade, await link(h, 'U0JADE0001', 'jade.bsky.social'), 30);
    await h.cycle();
    expect((await h.db.advocate.findFirstOrThrow({})).accountId).toBe(jade.did);

    const complaint = h.fx.post(
      maria,
      '@lumora.bsky.social my router never arrived and nobody answers. Unacceptable!',
      20,
    );
    await h.cycle();
    const c = await h.db.case.findFirstOrThrow({});
    const [ack] = h.fx.brandPosts();
    expect(ack.record.reply?.parent.uri).toBe(complaint.uri);
    // Maria answers the bot: a reply to the brand, part of her case.
    const follow = h.fx.post(maria, 'still nothing, day 9 now', 15, { replyTo: ack });
    await h.cycle();
    expect((await h.db.mention.findFirstOrThrow({ where: { externalId: follow.uri } })).caseId).toBe(c.id);

    // Jade answers Maria's follow-up without naming the brand: Bluesky notifies the brand only because
    // its acknowledgement sits two levels up (reason reply, subject: the acknowledgement).
    const reply = h.fx.post(jade, 'So sorry about this Maria! I have asked the care team to chase it today.', 10, {
      replyTo: follow,
    });
    const notified = h.fx.notifications.find((n) => n.uri === reply.uri);
    expect(notified).toMatchObject({ reason: 'reply', reasonSubject: ack.uri });
    // Under a brand post too, two people talking about nothing the desk follows.
    const announcement = h.fx.post(h.fx.brand, 'Our new router firmware is out today', 60);
    const brandPostsBefore = h.fx.brandPosts().length;
    const cheer = h.fx.post(bob, 'nice, installing it tonight', 9, { replyTo: announcement });
    const aside = h.fx.post(carol, 'me too, see you at the match after?', 8, { replyTo: cheer });
    expect(h.fx.notifications.find((n) => n.uri === aside.uri)).toMatchObject({ reason: 'reply' });
    await h.cycle();

    const stored = await h.db.mention.findFirstOrThrow({ where: { externalId: reply.uri } });
    expect([stored.caseId, stored.decision, stored.complaint]).toEqual([c.id, 'advocate_reply', false]);
    expect(stored.advocateId).not.toBeNull();
    const updated = await h.db.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(updated).toMatchObject({ answeringHow: 'own_account', answeringSlackId: 'U0JADE0001' });
    expect(updated.firstHumanReplyAt).toEqual(new Date(reply.record.createdAt));
    const thread = await h.db.outboundMessage.findFirst({ where: { kind: 'slack_thread', mentionId: stored.id } });
    expect(thread?.idempotencyKey).toBe(`slack:thread:${c.id}:advocate:${stored.id}`);
    // The bot never answers an advocate; Carol's aside answers a post of no case and is not stored.
    expect(h.fx.brandPosts()).toHaveLength(brandPostsBefore);
    expect(await h.db.outboundMessage.count({ where: { mentionId: stored.id, channel: 'bluesky' } })).toBe(0);
    expect(h.delivered.some((m) => m.id === aside.uri && m.onlyAsReply)).toBe(true);
    expect(await h.db.mention.count({ where: { externalId: aside.uri } })).toBe(0);
    expect(await h.db.mention.count({ where: { externalId: cheer.uri } })).toBe(1);
  });

  it("within one poll: the customer's follow-up, an advocate's answer to it and a stranger's reply to it all concern the case", async () => {
    const jade = h.fx.account('jade.bsky.social', { allowIncoming: 'all' });
    const maria = h.fx.account('maria.bsky.social', { allowIncoming: 'none' });
    const sam = h.fx.account('sam.bsky.social');
    h.fx.message(jade, await link(h, 'U0JADE0001', 'jade.bsky.social'), 30);
    h.fx.post(maria, '@lumora.bsky.social my router never arrived and nobody answers. Unacceptable!', 20);
    await h.cycle();
    const c = await h.db.case.findFirstOrThrow({});
    const [ack] = h.fx.brandPosts();
    // All three in the same page of notifications: the replies' case comes from a post of the same batch.
    const follow = h.fx.post(maria, 'still nothing, day 9 now', 15, { replyTo: ack });
    const reply = h.fx.post(jade, 'So sorry Maria, I have asked the care team to chase it today.', 12, {
      replyTo: follow,
    });
    const sameHere = h.fx.post(sam, 'same here, mine is two weeks late', 10, { replyTo: follow });
    await h.cycle();
    const stored = await h.db.mention.findMany({
      where: { externalId: { in: [follow.uri, reply.uri, sameHere.uri] } },
      orderBy: { id: 'asc' },
    });
    expect(stored.map((m) => [m.externalId, m.decision === 'advocate_reply' ? m.caseId : 'other'])).toEqual([
      [follow.uri, 'other'],
      [reply.uri, c.id],
      [sameHere.uri, 'other'],
    ]);
    expect((await h.db.case.findUniqueOrThrow({ where: { id: c.id } })).firstHumanReplyAt).toEqual(
      new Date(reply.record.createdAt),
    );
  });
});
