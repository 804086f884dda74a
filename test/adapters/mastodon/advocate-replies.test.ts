import type { mastodon } from 'masto';
import { answersSomeoneElse } from '../../../adapters/mastodon/answers-someone-else';
import { addAdvocate } from '../../../src/cases/manage-advocates';
import { type MastodonHarness, mastodonHarness, until } from '../../helpers/mastodon/mastodon-harness';
import { mastodonContractMissing } from '../../helpers/mastodon/mastodon-server';

if (mastodonContractMissing) console.warn(mastodonContractMissing);
const describeM = mastodonContractMissing ? describe.skip : describe;

/** Links `handle` (an acct) to a Slack user, unverified: the code it must post. */
async function link(h: MastodonHarness, slackUserId: string, handle: string): Promise<string> {
  const linked = await addAdvocate(h.db, { slackUserId, channel: 'mastodon', handle, at: h.time.now() });
  if (!linked.ok) throw new Error(`not linked: ${linked.reason}`);
  return linked.advocate.verificationCode;
}

/** One REST poll, then the outbox. */
async function cycle(h: MastodonHarness): Promise<void> {
  await h.poll();
  await h.sender.drain();
}

describe('answersSomeoneElse (a Mastodon reply that names the brand only because the thread did)', () => {
  const brand = { id: '1', username: 'lumora' };
  const status = (content: string, inReplyToAccountId: string | null) =>
    ({ content, inReplyToId: inReplyToAccountId ? '77' : null, inReplyToAccountId }) as mastodon.v1.Status;
  it.each([
    ['<p>@maria @lumora so sorry, DM us</p>', '5', true],
    ['<p>@maria@other.social @lumora@mastodon.example so sorry</p>', '5', true],
    ['<p>@maria totally agree</p>', '5', true],
    ['<p>@maria @lumora.bot sure</p>', '5', true],
    ['<p>@maria same here. @lumora please look at this too</p>', '5', false],
    ['<p>@maria same here, @lumora.</p>', '5', false],
    ['<p>@lumora still broken</p>', '1', false],
    ['<p>@lumora my router never arrived</p>', null, false],
  ])('%s (reply to account %s): %s', (content, to, expected) => {
    expect(answersSomeoneElse(status(content, to), brand)).toBe(expected);
  });
});

describeM("a staff advocate's Mastodon replies (real masto against the OpenAPI-checked fake)", () => {
  let h: MastodonHarness;
  afterEach(async () => {
    expect(h.server.violations).toEqual([]);
    await h.close();
  });

  it('a code in a direct status or a public one verifies the account, and nothing is answered', async () => {
    h = await mastodonHarness({ streaming: false });
    const jade = h.fx.account('jade', 'staff.social');
    const omar = h.fx.account('omar');
    const jadeCode = await link(h, 'U0JADE0001', 'jade@staff.social');
    const omarCode = await link(h, 'U0OMAR0001', 'omar');
    h.fx.post(jade, `@lumora my code is ${jadeCode}`, 2, { visibility: 'direct' });
    h.fx.post(omar, `@lumora verifying my account: ${omarCode}`, 1);
    await cycle(h);
    const advocates = await h.db.advocate.findMany({ orderBy: { id: 'asc' } });
    expect(advocates.map((a) => [a.handle, a.accountId, a.verifiedAt !== null])).toEqual([
      ['jade@staff.social', jade.id, true],
      ['omar', omar.id, true],
    ]);
    expect(h.fx.brandStatuses()).toEqual([]);
  });

  it("a reply to the customer's status joins the case (thread line, first human reply, never answered); an aside on no case is dropped", async () => {
    h = await mastodonHarness({ streaming: false });
    const jade = h.fx.account('jade', 'staff.social');
    const maria = h.fx.account('maria', 'other.social');
    const bob = h.fx.account('bob', 'other.social');
    const carol = h.fx.account('carol');
    h.fx.post(jade, `@lumora ${await link(h, 'U0JADE0001', 'jade@staff.social')}`, 30, { visibility: 'direct' });
    await cycle(h);
    expect((await h.db.advocate.findFirstOrThrow({})).verifiedAt).not.toBeNull();

    const complaint = h.fx.post(maria, '@lumora my router never arrived and nobody answers. Unacceptable!', 20);
    const thanks = h.fx.post(bob, '@lumora the firmware update went in fine, nice one', 20);
    await cycle(h);
    const c = await h.db.case.findFirstOrThrow({});
    expect((await h.db.mention.findFirstOrThrow({ where: { externalId: thanks.id } })).caseId).toBeNull();
    const brandStatusesBefore = h.fx.brandStatuses().length;

    // Jade answers Maria; her client filled in the handles of Maria's status, the brand's among them.
    const reply = h.fx.post(
      jade,
      '@maria@other.social @lumora So sorry about this! I asked the care team to chase it.',
      10,
      {
        inReplyTo: complaint,
      },
    );
    const aside = h.fx.post(carol, '@bob@other.social @lumora see you at the match after?', 9, { inReplyTo: thanks });
    await cycle(h);

    expect(h.delivered.filter((m) => m.onlyAsReply).map((m) => m.id)).toEqual([reply.id, aside.id]);
    const stored = await h.db.mention.findFirstOrThrow({ where: { externalId: reply.id } });
    expect([stored.caseId, stored.decision, stored.complaint]).toEqual([c.id, 'advocate_reply', false]);
    const updated = await h.db.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(updated).toMatchObject({ answeringHow: 'own_account', answeringSlackId: 'U0JADE0001' });
    expect(updated.firstHumanReplyAt).toEqual(new Date(reply.created_at));
    const thread = await h.db.outboundMessage.findFirst({ where: { kind: 'slack_thread', mentionId: stored.id } });
    expect(thread?.idempotencyKey).toBe(`slack:thread:${c.id}:advocate:${stored.id}`);
    expect(h.fx.brandStatuses()).toHaveLength(brandStatusesBefore);
    expect(await h.db.mention.count({ where: { externalId: aside.id } })).toBe(0);
  });

  it('over the stream too: a reply naming the brand only in its leading handles is handed over onlyAsReply', async () => {
    h = await mastodonHarness();
    const maria = h.fx.account('maria', 'other.social');
    const carol = h.fx.account('carol');
    const opener = h.fx.post(maria, '@lumora is the new firmware out yet?', 5);
    await h.start();
    await until(() => h.server.sockets.size === 1);
    await new Promise((r) => setTimeout(r, 100)); // the subscription message
    const aside = h.fx.post(carol, '@maria@other.social @lumora yes, since this morning', 0, { inReplyTo: opener });
    await until(() => h.delivered.some((m) => m.id === aside.id));
    expect(h.fx.streamed).toContain(aside.id);
    expect(h.delivered.find((m) => m.id === aside.id)).toMatchObject({ onlyAsReply: true, mentionsBrand: false });
  });
});
