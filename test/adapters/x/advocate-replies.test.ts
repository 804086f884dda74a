import { addAdvocate } from '../../../src/cases/manage-advocates';
import { xContractMissing } from '../../helpers/x-contract-server';
import { type XHarness, xHarness } from '../../helpers/x-harness';

if (xContractMissing) console.warn(xContractMissing);
const describeX = xContractMissing ? describe.skip : describe;

describeX("a staff advocate's X replies (real twitter-api-v2 against the contract-checked fake X)", () => {
  let h: XHarness;
  afterEach(async () => {
    expect(h.server.violations).toEqual([]);
    await h.close();
  });

  it('the code post verifies the account; their replies join the case, count as first human reply, and are never answered', async () => {
    h = await xHarness();
    const jade = h.fx.user('jade_lumora', 'Jade');
    const maria = h.fx.user('maria');
    const linked = await addAdvocate(h.db, {
      slackUserId: 'U0JADE0001',
      channel: 'x',
      handle: 'jade_lumora',
      at: h.time.now(),
    });
    if (!linked.ok) throw new Error('not linked');
    // Only posts that carry the brand's handle reach the mentions timeline: the code post mentions it.
    h.fx.post(jade, `@lumora verifying my account: ${linked.advocate.verificationCode}`);
    await h.cycle();
    expect(await h.db.advocate.findUniqueOrThrow({ where: { id: linked.advocate.id } })).toMatchObject({
      accountId: jade.id,
      verifiedAt: expect.any(Date),
    });
    expect(h.posted()).toHaveLength(0);

    const complaint = h.fx.post(maria, '@lumora my order never arrived and nobody answers. Unacceptable!');
    await h.cycle();
    const c = await h.db.case.findFirstOrThrow({});
    expect(c.firstHumanReplyAt).toBeNull();
    expect(h.posted()).toHaveLength(1);
    const [ack] = h.fx.brandPosts();

    // X puts the replied-to author's handle first; the brand's handle makes it reach the mentions timeline.
    const reply = h.fx.post(
      jade,
      '@maria @lumora So sorry about this! I have asked the care team to chase it today.',
      0,
      {
        referenced_tweets: [{ type: 'replied_to', id: complaint.id }],
        in_reply_to_user_id: maria.id,
      },
    );
    // A second reply under the bot's acknowledgement joins the same case (found by the bot's post id).
    h.time.advance(60_000);
    const second = h.fx.post(jade, '@maria @lumora yeah we are useless at this, you will get a refund', 0, {
      referenced_tweets: [{ type: 'replied_to', id: ack.id }],
      in_reply_to_user_id: maria.id,
    });
    await h.cycle();
    await h.cycle();
    const stored = await h.db.mention.findMany({
      where: { externalId: { in: [reply.id, second.id] } },
      orderBy: { id: 'asc' },
    });
    expect(stored.map((m) => [m.caseId, m.advocateId, m.decision, m.complaint])).toEqual([
      [c.id, linked.advocate.id, 'advocate_reply', false],
      [c.id, linked.advocate.id, 'advocate_reply', false],
    ]);
    expect(JSON.parse(stored[0].advocateFlags!)).toEqual([]);
    expect(JSON.parse(stored[1].advocateFlags!).map((f: { rule: string }) => f.rule)).toEqual([
      'agrees_brand_bad',
      'promises_outcome',
    ]);
    expect((await h.db.case.findUniqueOrThrow({ where: { id: c.id } })).firstHumanReplyAt).toEqual(
      new Date(reply.created_at!),
    );
    // Still the one acknowledgement: the bot never answers an advocate.
    expect(h.posted()).toHaveLength(1);
    expect(
      await h.db.outboundMessage.count({ where: { mentionId: { in: stored.map((m) => m.id) }, channel: 'x' } }),
    ).toBe(0);
    const direct = await h.db.outboundMessage.findMany({ where: { kind: 'slack_direct' }, orderBy: { id: 'asc' } });
    expect(direct.map((d) => JSON.parse(d.target).notice)).toEqual(['advocate_verified', 'advocate_flagged']);
  });
});
