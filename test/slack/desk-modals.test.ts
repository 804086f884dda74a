import { CaseAction, Input, Modal } from '../../src/slack/slack-ids';
import {
  ALICE,
  actionLines,
  BOB,
  CAROL,
  click,
  MALLORY,
  openPostedCase,
  topMessage,
} from '../helpers/slack/desk-clicks';
import { type DeskHarness, startDeskHarness, waitFor } from '../helpers/slack/desk-harness';
import { submission, typing } from '../helpers/slack/slack-payloads';
import { closeAndCheck, slackSuite } from '../helpers/slack/with-contract';

const { contract, describe: describeSlack } = slackSuite('the Slack desk modal tests');

describeSlack('case flows through modals', () => {
  let h: DeskHarness;
  beforeEach(async () => {
    h = await startDeskHarness(contract, { FOLLOW_UP_DELAY_HOURS: '48' });
    h.fake.workspace.members = [ALICE, BOB, CAROL];
  });
  afterEach(() => closeAndCheck(h));
  const stored = (id: number) => h.app.db.case.findUniqueOrThrow({ where: { id } });
  /** Clicks the button and returns the modal the app opened. */
  const openModal = async (user: string, action: string, caseId: number, ts: string) => {
    const before = h.fake.callsTo('views.open').length;
    await click(h, user, action, caseId, ts);
    const call = await waitFor('the modal', () => h.fake.callsTo('views.open')[before]);
    expect(call.params.trigger_id).toMatch(/\.trigger$/);
    return call.params.view;
  };
  const submit = (user: string, view: any, viewId: string, values: Record<string, Record<string, any>>) =>
    h.interact(submission({ userId: user, view, viewId, values }));

  it('Hand off: the chosen person owns the case; the note and the whole case reach them; the thread says so', async () => {
    const { caseId, ts } = await openPostedCase(
      h,
      '@lumora my router never arrived & support hung up <!channel>. Unacceptable!',
    );
    const view = await openModal(ALICE, CaseAction.HandOff, caseId, ts);
    expect(view.callback_id).toBe(Modal.HandOff);
    const note = { type: 'plain_text_input', value: 'VIP <@U0BOSS0001> & <https://evil|link>: call before 5' };

    const refused = await submit(ALICE, view, 'V0HANDOFF1', {
      [Input.HandOffTo.block]: { [Input.HandOffTo.action]: { type: 'users_select', selected_user: MALLORY } },
      [Input.HandOffNote.block]: { [Input.HandOffNote.action]: note },
    });
    expect(refused.json).toEqual({
      response_action: 'errors',
      errors: { [Input.HandOffTo.block]: 'They are not in the support team; choose a team member.' },
    });
    expect((await stored(caseId)).ownerSlackId).toBeNull();

    const ok = await submit(ALICE, view, 'V0HANDOFF1', {
      [Input.HandOffTo.block]: { [Input.HandOffTo.action]: { type: 'users_select', selected_user: BOB } },
      [Input.HandOffNote.block]: { [Input.HandOffNote.action]: note },
    });
    expect([ok.status, ok.text]).toEqual([200, '']);
    expect(await stored(caseId)).toMatchObject({ ownerSlackId: BOB, status: 'claimed' });
    const [event] = await h.app.db.caseEvent.findMany({ where: { caseId, type: 'handed_off' } });
    expect(JSON.parse(event.detail)).toMatchObject({ from: ALICE, to: BOB, note: note.value });
    await h.drainAll();
    expect(actionLines(h, ts)[0]).toContain(
      `<@${ALICE}> handed this case to <@${BOB}>.\n>VIP &lt;@U0BOSS0001&gt; &amp; &lt;https://evil|link&gt;: call before 5`,
    );
    const dm = h.fake.callsTo('chat.postMessage').find((c) => c.params.channel === BOB)!;
    const shown = JSON.stringify(dm.params.blocks);
    expect(shown).toContain(`handed you *case #${caseId}*`);
    expect(shown).toContain('&lt;@U0BOSS0001&gt;');
    expect(shown).toContain('support hung up &lt;!channel&gt;');
    expect(shown).toContain(`<https://lumora.slack.com/archives/C0SOCIAL01/p${ts.replace('.', '')}|Open its thread>`);
  });

  it('Reply publicly: live length check and preview, then the reply goes out once as the brand and the case records it', async () => {
    const { caseId, ts, outcome } = await openPostedCase(h);
    const view = await openModal(CAROL, CaseAction.Reply, caseId, ts);
    const shownModal = JSON.stringify(view.blocks);
    expect(shownModal).toContain('Replying *publicly, as the brand,* on X');
    expect(shownModal).toContain('0 / 280 characters on X');

    const long = 'Hi, so sorry. '.repeat(25);
    await h.interact(
      typing({
        userId: CAROL,
        view,
        viewId: 'V0REPLY001',
        hash: 'h1',
        blockId: Input.ReplyText.block,
        actionId: Input.ReplyText.action,
        value: long,
      }),
    );
    const update = await waitFor('the live check', () => h.fake.callsTo('views.update')[0]);
    expect(update.params).toMatchObject({ view_id: 'V0REPLY001', hash: 'h1' });
    expect(JSON.stringify(update.params.view.blocks)).toContain(`:x: ${long.length} / 280 characters: too long for X`);
    await h.interact(
      typing({
        userId: CAROL,
        view,
        viewId: 'V0REPLY001',
        hash: 'h2',
        blockId: Input.ReplyText.block,
        actionId: Input.ReplyText.action,
        value: 'It was our fault <!here>',
      }),
    );
    const second = JSON.stringify(
      (await waitFor('the second check', () => h.fake.callsTo('views.update')[1])).params.view.blocks,
    );
    expect(second).toContain(':warning: Careful: \\"our fault\\"');
    expect(second).toContain('>It was our fault &lt;!here&gt;');

    const values = (value: string) => ({
      [Input.ReplyText.block]: { [Input.ReplyText.action]: { type: 'plain_text_input', value } },
    });
    const tooLong = await submit(CAROL, view, 'V0REPLY001', values(long));
    expect(tooLong.json).toEqual({
      response_action: 'errors',
      errors: { [Input.ReplyText.block]: `Too long: ${long.length} of 280 characters on this channel.` },
    });
    const text = 'Hi, we are so sorry about your order. Could you DM us the order number so we can check it today?';
    const [first, again] = [
      await submit(CAROL, view, 'V0REPLY001', values(text)),
      await submit(CAROL, view, 'V0REPLY001', values(text)),
    ];
    expect(first.status).toBe(200);
    expect(again.json?.response_action).toBe('errors');
    const queued = await h.app.db.outboundMessage.findMany({
      where: { kind: 'public_reply', idempotencyKey: { startsWith: 'human-reply:' } },
    });
    expect(queued).toEqual([
      expect.objectContaining({ idempotencyKey: 'human-reply:slack:V0REPLY001', channel: 'x', text, caseId }),
    ]);
    expect(JSON.parse(queued[0].target)).toMatchObject({
      inReplyTo: { id: outcome.mention.id, authorId: outcome.mention.author.id },
      by: CAROL,
    });
    expect(await stored(caseId)).toMatchObject({ ownerSlackId: CAROL, firstHumanReplyAt: null });

    await h.drainAll();
    expect(h.customer.sent.filter((r) => r.text === text)).toHaveLength(1);
    expect((await stored(caseId)).firstHumanReplyAt).toEqual(expect.any(Date));
    expect(actionLines(h, ts).at(-1)).toContain(
      `<@${CAROL}>'s public reply went out on X (<https://x.example/lumora/status/`,
    );
    expect(topMessage(h, ts)).toContain('Public reply by the team*: sent');
  });

  it('Resolve: outcome stored, follow-up scheduled from the configured delay, buttons gone, thread told', async () => {
    const { caseId, ts } = await openPostedCase(h);
    const view = await openModal(ALICE, CaseAction.Resolve, caseId, ts);
    expect(JSON.stringify(view.blocks)).toContain('48 hours after you resolve');
    const res = await submit(ALICE, view, 'V0RESOLVE1', {
      [Input.Outcome.block]: {
        [Input.Outcome.action]: {
          type: 'static_select',
          selected_option: { text: { type: 'plain_text', text: 'Solved' }, value: 'solved' },
        },
      },
      [Input.ResolveNote.block]: {
        [Input.ResolveNote.action]: { type: 'plain_text_input', value: 'replacement shipped' },
      },
    });
    expect(res.status).toBe(200);
    const c = await stored(caseId);
    expect(c).toMatchObject({ status: 'resolved', outcome: 'solved', ownerSlackId: ALICE });
    expect(c.followUpDueAt!.getTime() - c.resolvedAt!.getTime()).toBe(48 * 3_600_000);
    await h.drainAll();
    expect(actionLines(h, ts)[0]).toContain(`<@${ALICE}> resolved it: *Solved*. Follow-up due`);
    expect(actionLines(h, ts)[0]).toContain('>replacement shipped');
    expect(topMessage(h, ts)).toContain(':white_check_mark: *Resolved* (Solved)');
    expect(topMessage(h, ts)).not.toContain('Reply publicly');
  });
});
