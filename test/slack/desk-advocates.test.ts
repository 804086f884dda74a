import { CaseAction } from '../../src/slack/slack-ids';
import { mention } from '../helpers/fixtures';
import { ALICE, BOB, click, openPostedCase, threadLines, topMessage } from '../helpers/slack/desk-clicks';
import { type DeskHarness, startDeskHarness, TEAM_CHANNEL, waitFor } from '../helpers/slack/desk-harness';
import { slashCommand } from '../helpers/slack/slack-payloads';
import { closeAndCheck, slackSuite } from '../helpers/slack/with-contract';

const { contract, describe: describeSlack } = slackSuite('the staff advocate tests');

const JADE = 'U0JADE0001';
const JADE_X_ID = '1700000000000000777';

describeSlack('staff advocates: linking, verifying, and their replies joining the case', () => {
  let h: DeskHarness;
  beforeEach(async () => {
    h = await startDeskHarness(contract);
    h.fake.workspace.members = [ALICE, BOB, JADE];
  });
  afterEach(() => closeAndCheck(h));
  const command = async (userId: string, text: string): Promise<string> =>
    (
      await h.command(
        slashCommand({ userId, text, channel: TEAM_CHANNEL, responseUrl: `${h.fake.baseUrl}/respond/${userId}` }),
      )
    ).json.text;
  const dmsTo = (userId: string) =>
    h.fake
      .callsTo('chat.postMessage')
      .filter((c) => c.params.channel === userId)
      .map((c) => String(c.params.text));

  /** Jade links x:@jade_lumora and posts the code from it (a post that mentions the brand). */
  const linkAndVerify = async (channel = 'x', authorId = JADE_X_ID) => {
    const added = await command(JADE, `advocate add ${channel}:@Jade_Lumora`);
    const code = added.match(/`(MD-[A-Z0-9]+)`/)?.[1];
    expect(code).toBeDefined();
    const [o] = await h.ingest([
      mention({
        channel,
        text: `@lumora verifying my account for the care desk: ${code}`,
        author: { id: authorId, handle: 'jade_lumora', name: 'Jade' },
      }),
    ]);
    return { code: code!, outcome: o, added };
  };

  it('add gives a code; the post carrying it verifies the account, nothing is answered, Jade hears in private', async () => {
    const { code, outcome, added } = await linkAndVerify();
    expect(added).toContain('*not verified yet*');
    expect(added).toContain('in a post that mentions @lumora');
    expect(outcome.decision?.action).toBe('ignore');
    expect(outcome.caseId).toBeUndefined();
    expect(await h.app.db.advocate.findFirstOrThrow({ where: { handle: 'jade_lumora' } })).toMatchObject({
      slackUserId: JADE,
      channel: 'x',
      accountId: JADE_X_ID,
      verificationCode: code,
      verifiedAt: expect.any(Date),
    });
    await h.drainAll();
    expect(h.customer.sent).toEqual([]);
    expect(dmsTo(JADE).join('\n')).toContain('is verified as yours');
    const list = await command(ALICE, 'advocate list');
    expect(list).toContain(`<@${JADE}>: @jade_lumora on X · verified`);
    expect(list).not.toContain(code);
  });

  it('a verified account cannot be claimed by someone else', async () => {
    await linkAndVerify();
    expect(await command(BOB, 'advocate add x:@JADE_LUMORA')).toContain(`already linked to <@${JADE}>`);
    expect((await h.app.db.advocate.findFirstOrThrow({})).slackUserId).toBe(JADE);
  });

  it('an unproven claim is replaced by a new one; a post with the wrong code verifies nothing', async () => {
    // Bob claims Jade's account first: an unproven claim, which Jade's own claim replaces (new code).
    const squat = await command(BOB, 'advocate add x:@jade_lumora');
    const added = await command(JADE, 'advocate add x:@jade_lumora');
    expect(added.match(/`(MD-[A-Z0-9]+)`/)?.[1]).not.toBe(squat.match(/`(MD-[A-Z0-9]+)`/)?.[1]);
    expect((await h.app.db.advocate.findFirstOrThrow({})).slackUserId).toBe(JADE);
    await h.ingest([
      mention({
        // The replaced claim's code no longer proves anything.
        text: `@lumora verifying: ${squat.match(/`(MD-[A-Z0-9]+)`/)?.[1]}`,
        author: { id: JADE_X_ID, handle: 'jade_lumora', name: 'Jade' },
      }),
    ]);
    expect((await h.app.db.advocate.findFirstOrThrow({})).verifiedAt).toBeNull();
    expect(added).toContain('not verified yet');
    expect(await command(JADE, 'advocate add telegram:@jade')).toContain('Usage');
    // A Mastodon account on another instance is linked by its full acct, as Mastodon writes it.
    expect(await command(JADE, 'advocate add mastodon:@Jade@Staff.Social')).toContain('not verified yet');
    expect((await h.app.db.advocate.findFirstOrThrow({ where: { channel: 'mastodon' } })).handle).toBe(
      'jade@staff.social',
    );
    expect(await command(JADE, 'advocate add mastodon:@jade@@staff.social')).toContain('Usage');
    expect(await command(JADE, 'advocate remove mastodon:@jade@staff.social')).toContain('no longer linked');
    expect(await command(JADE, 'advocate remove x:@jade_lumora')).toContain('no longer linked');
    expect(await h.app.db.advocate.count()).toBe(0);
    expect(await command(JADE, 'advocate list')).toContain('Nobody has linked an account yet');
  });

  it("an advocate's X reply joins the case: thread line, first human reply, Take ownership offered, never acknowledged", async () => {
    await linkAndVerify();
    const { caseId, ts, outcome } = await openPostedCase(h);
    const sentBefore = h.customer.sent.length;
    const repliedAt = new Date('2026-11-18T09:20:00Z');
    const [reply] = await h.ingest([
      mention({
        text: "@user @lumora So sorry about this <!channel>! I've asked the care team to look at it today.",
        author: { id: JADE_X_ID, handle: 'jade_lumora', name: 'Jade' },
        inReplyToId: outcome.mention.id,
        createdAt: repliedAt,
        url: 'https://x.com/jade_lumora/status/1859000000000000999',
      }),
    ]);
    expect(reply.decision?.action).toBe('advocate_reply');
    expect(reply.caseId).toBe(caseId);
    expect(reply.acknowledgement).toBeUndefined();
    const stored = await h.app.db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(stored).toMatchObject({ firstHumanReplyAt: repliedAt, answeringSlackId: JADE, answeringHow: 'own_account' });
    await h.drainAll();
    expect(h.customer.sent.length).toBe(sentBefore);
    const line = threadLines(h, ts).find((l) => l.includes('replied from'))!;
    expect(line).toContain(`<@${JADE}> replied from @jade_lumora on X`);
    expect(line).toContain('So sorry about this &lt;!channel&gt;!');
    expect(line).not.toContain('advocate check flagged');
    const threadMsg = h.fake.workspace.thread(TEAM_CHANNEL, ts).find((m) => m.text.includes('replied from'))!;
    expect(JSON.stringify(threadMsg.blocks)).toContain(CaseAction.Claim);
    await click(h, JADE, CaseAction.Claim, caseId, ts);
    await waitFor(
      'the claim',
      async () => (await h.app.db.case.findUniqueOrThrow({ where: { id: caseId } })).ownerSlackId,
    );
    expect(dmsTo(JADE).some((t) => t.includes('flagged'))).toBe(false);
    // The SLA job looks only at cases without a first human reply: this one is answered.
    expect(await h.app.db.case.count({ where: { id: caseId, firstHumanReplyAt: null } })).toBe(0);
    await h.drainAll();
    expect(topMessage(h, ts)).toContain(`Owned by <@${JADE}>`);
  });

  it('a flagged advocate reply: the thread says why, Jade gets the reason and a better wording in private', async () => {
    await linkAndVerify();
    const { caseId, ts, outcome } = await openPostedCase(h);
    const [reply] = await h.ingest([
      mention({
        text: "@user @lumora yeah we're useless at deliveries, I'd switch too. You'll get a refund though",
        author: { id: JADE_X_ID, handle: 'jade_lumora', name: 'Jade' },
        inReplyToId: outcome.mention.id,
      }),
    ]);
    expect(reply.caseId).toBe(caseId);
    const flags = JSON.parse(
      (await h.app.db.mention.findUniqueOrThrow({ where: { id: reply.mentionId! } })).advocateFlags!,
    ) as Array<{ rule: string }>;
    expect(flags.map((f) => f.rule)).toEqual(['agrees_brand_bad', 'promises_outcome']);
    await h.drainAll();
    const line = threadLines(h, ts).find((l) => l.includes('replied from'))!;
    expect(line).toContain('The advocate check flagged it: *agrees that the brand is bad*');
    expect(line).toContain('*promises compensation or an outcome*');
    const dm = dmsTo(JADE).find((t) => t.includes('flagged'))!;
    expect(dm).toContain(`(case #${caseId})`);
    expect(dm).toContain("_Try:_ I'm really sorry it's been this frustrating");
  });

  it('two same advocate replies in one batch: the second is flagged as a copy of the first', async () => {
    await linkAndVerify();
    const first = await openPostedCase(h);
    const second = await openPostedCase(h, '@lumora my parcel never came and support ignores me, awful');
    const text = '@someone @lumora So sorry about this! I have asked the care team to look into your order today.';
    const jade = { id: JADE_X_ID, handle: 'jade_lumora', name: 'Jade' };
    const replies = await h.ingest([
      mention({ text, author: jade, inReplyToId: first.outcome.mention.id }),
      mention({ text, author: jade, inReplyToId: second.outcome.mention.id }),
    ]);
    expect(replies.map((r) => r.caseId)).toEqual([first.caseId, second.caseId]);
    const stored = await h.app.db.mention.findMany({
      where: { id: { in: replies.map((r) => r.mentionId!) } },
      orderBy: { id: 'asc' },
    });
    expect(stored.map((m) => JSON.parse(m.advocateFlags!).map((f: { rule: string }) => f.rule))).toEqual([
      [],
      ['copies_earlier_reply'],
    ]);
  });

  it('an edit that makes an advocate reply flagged sends Jade the reason in private; an edit is no copy of itself', async () => {
    await linkAndVerify();
    const { caseId, outcome } = await openPostedCase(h);
    const jade = { id: JADE_X_ID, handle: 'jade_lumora', name: 'Jade' };
    const polite = mention({
      text: '@someone @lumora So sorry about this! I have asked the care team to look into your order today.',
      author: jade,
      inReplyToId: outcome.mention.id,
    });
    const [reply] = await h.ingest([polite]);
    await h.drainAll();
    expect(dmsTo(JADE).some((t) => t.includes('flagged'))).toBe(false);
    // A small wording fix is an edit, not a copy of the reply it replaces: nothing is flagged.
    await h.ingest([{ ...polite, text: `${polite.text} Thanks!`, editedAt: new Date('2026-11-18T09:05:00Z') }]);
    await h.drainAll();
    expect((await h.app.db.mention.findUniqueOrThrow({ where: { id: reply.mentionId! } })).advocateFlags).toBe('[]');
    expect(dmsTo(JADE).some((t) => t.includes('flagged'))).toBe(false);
    const [edited] = await h.ingest([
      {
        ...polite,
        text: "@someone @lumora yeah we're useless at deliveries, I'd switch too",
        editedAt: new Date('2026-11-18T09:10:00Z'),
      },
    ]);
    expect([edited.status, edited.mentionId]).toEqual(['edited', reply.mentionId]);
    await h.drainAll();
    const dm = dmsTo(JADE).find((t) => t.includes('flagged'));
    expect(dm).toContain(`(case #${caseId})`);
    expect(dm).toContain('agrees that the brand is bad');
  });

  it("an advocate's Discord reply in a watched channel joins the customer's case the same way", async () => {
    await linkAndVerify('discord', '880000000000000777');
    const place = { guildId: '700000000000000001', channelId: '700000000000000002' };
    const [customer] = await h.ingest([
      mention({
        channel: 'discord',
        id: '990000000000000001',
        text: '<@lumora> my order never arrived, useless',
        place,
      }),
    ]);
    expect(customer.caseId).toBeDefined();
    const [reply] = await h.ingest([
      mention({
        channel: 'discord',
        id: '990000000000000002',
        text: 'Sorry about that! Could you DM the care team so they can check it?',
        author: { id: '880000000000000777', handle: 'jade_lumora', name: 'Jade' },
        inReplyToId: '990000000000000001',
        mentionsBrand: false,
        place,
      }),
    ]);
    expect(reply.decision?.action).toBe('advocate_reply');
    expect(reply.caseId).toBe(customer.caseId);
    expect(
      (await h.app.db.case.findUniqueOrThrow({ where: { id: customer.caseId! } })).firstHumanReplyAt,
    ).not.toBeNull();
    await h.drainAll();
    const c = await h.app.db.case.findUniqueOrThrow({ where: { id: customer.caseId! } });
    expect(threadLines(h, c.slackTs!).join('\n')).toContain(`<@${JADE}> replied from @jade_lumora on Discord`);
    const toAdvocate = await h.app.db.outboundMessage.count({
      where: { mentionId: reply.mentionId, kind: 'public_reply' },
    });
    expect(toAdvocate).toBe(0);
  });

  it("an advocate's post that answers no open case is stored and left alone", async () => {
    await linkAndVerify();
    const [o] = await h.ingest([
      mention({
        text: '@lumora my own router is broken, terrible service!',
        author: { id: JADE_X_ID, handle: 'jade_lumora', name: 'Jade' },
      }),
    ]);
    expect(o.decision?.action).toBe('ignore');
    expect(o.caseId).toBeUndefined();
  });
});
