import { caseOutboxHooks } from '../../src/cases/record-message-outcome';
import { silentLogger } from '../../src/log/create-logger';
import { OutboxSender } from '../../src/outbox/outbox-sender';
import { CaseAction, Input, Modal } from '../../src/slack/slack-ids';
import {
  ALICE,
  BOB,
  CAROL,
  click,
  ephemeralsFor,
  openPostedCase,
  threadLines,
  topMessage,
} from '../helpers/slack/desk-clicks';
import { type DeskHarness, startDeskHarness, waitFor } from '../helpers/slack/desk-harness';
import { submission, typing } from '../helpers/slack/slack-payloads';
import { closeAndCheck, slackSuite } from '../helpers/slack/with-contract';

const { contract, describe: describeSlack } = slackSuite('the collision guard and own-account draft tests');

describeSlack('Reply publicly: the advocate check, the collision guard, the own-account draft', () => {
  let h: DeskHarness;
  // One clock for the desk and for the sender, so the drafting mark's expiry can be reached.
  let clock: Date;
  let sender: OutboxSender;
  beforeEach(async () => {
    clock = new Date();
    h = await startDeskHarness(contract, { SLACK_DRAFTING_MARK_MINUTES: '5' }, { now: () => clock });
    h.fake.workspace.members = [ALICE, BOB, CAROL];
    sender = new OutboxSender({
      ...caseOutboxHooks,
      db: h.app.db,
      transports: { slack: h.desk.transport, x: h.customer },
      logger: silentLogger(),
      now: () => clock,
    });
  });
  afterEach(() => closeAndCheck(h));
  const drain = async () => {
    for (let i = 0; i < 20 && (await sender.drain()).sent > 0; i++);
  };
  const stored = (id: number) => h.app.db.case.findUniqueOrThrow({ where: { id } });
  const openModal = async (user: string, caseId: number, ts: string) => {
    const before = h.fake.callsTo('views.open').length;
    await click(h, user, CaseAction.Reply, caseId, ts);
    return (await waitFor('the modal', () => h.fake.callsTo('views.open')[before])).params.view;
  };
  const values = (text: string, how = 'brand', confirm = false) => ({
    [Input.ReplyText.block]: { [Input.ReplyText.action]: { type: 'plain_text_input', value: text } },
    [Input.ReplyHow.block]: {
      [Input.ReplyHow.action]: {
        type: 'radio_buttons',
        selected_option: { value: how, text: { type: 'plain_text', text: how } },
      },
    },
    ...(confirm
      ? {
          [Input.ReplyConfirm.block]: {
            [Input.ReplyConfirm.action]: {
              type: 'checkboxes',
              selected_options: [{ value: 'confirm', text: { type: 'plain_text', text: 'Send anyway' } }],
            },
          },
        }
      : {}),
  });

  it('the mark appears on the top message, a second person is told who is drafting, and it expires', async () => {
    const { caseId, ts } = await openPostedCase(h);
    await openModal(ALICE, caseId, ts);
    expect(await stored(caseId)).toMatchObject({ draftingSlackId: ALICE, draftingUntil: expect.any(Date) });
    await drain();
    expect(topMessage(h, ts)).toContain(`*<@${ALICE}> is drafting* a reply`);

    clock = new Date(clock.getTime() + 60_000);
    const bobView = await openModal(BOB, caseId, ts);
    expect(JSON.stringify(bobView.blocks)).toContain(`<@${ALICE}> is drafting a reply to this case too`);
    const told = await waitFor('the note to Bob', () =>
      ephemeralsFor(h, BOB).find((t) => t.includes('already drafting')),
    );
    expect(told).toContain(`<@${ALICE}> is already drafting a reply to case #${caseId}`);
    await drain();
    expect(topMessage(h, ts)).toContain(`*<@${BOB}> is drafting* a reply`);

    // Nobody sends: after the mark's minutes the top message is re-rendered without it.
    clock = new Date(clock.getTime() + 6 * 60_000);
    await drain();
    expect(topMessage(h, ts)).not.toContain('is drafting');
    expect(threadLines(h, ts).some((l) => l.includes('drafting'))).toBe(false);
  });

  it('sending clears the mark; answering over the owner needs a tick', async () => {
    const { caseId, ts } = await openPostedCase(h);
    const view = await openModal(ALICE, caseId, ts);
    const sent = await h.interact(
      submission({
        userId: ALICE,
        view,
        viewId: 'V0DRAFT001',
        values: values('So sorry about this, could you DM us?'),
      }),
    );
    expect(sent.status).toBe(200);
    expect(await stored(caseId)).toMatchObject({
      draftingSlackId: null,
      ownerSlackId: ALICE,
      answeringSlackId: ALICE,
      answeringHow: 'brand',
    });
    await drain();
    expect(topMessage(h, ts)).not.toContain('is drafting');

    const bobView = await openModal(BOB, caseId, ts);
    expect(JSON.stringify(bobView.blocks)).toContain(`<@${ALICE}> owns this case`);
    const text = 'Hi again, the team is checking the courier now. Sorry for the wait!';
    const refused = await h.interact(
      submission({ userId: BOB, view: bobView, viewId: 'V0DRAFT002', values: values(text) }),
    );
    expect(refused.json).toEqual({
      response_action: 'errors',
      errors: { [Input.ReplyText.block]: 'Someone else owns this case: tick "Send anyway" below to answer over them.' },
    });
    expect(await h.app.db.outboundMessage.count({ where: { idempotencyKey: 'human-reply:slack:V0DRAFT002' } })).toBe(0);
    const confirmed = await h.interact(
      submission({ userId: BOB, view: bobView, viewId: 'V0DRAFT002', values: values(text, 'brand', true) }),
    );
    expect(confirmed.status).toBe(200);
    expect(await h.app.db.outboundMessage.count({ where: { idempotencyKey: 'human-reply:slack:V0DRAFT002' } })).toBe(1);
  });

  it('closing the case takes the mark off the top message', async () => {
    const { caseId, ts } = await openPostedCase(h);
    await openModal(ALICE, caseId, ts);
    await drain();
    expect(topMessage(h, ts)).toContain('is drafting');
    await click(h, BOB, CaseAction.NotComplaint, caseId, ts);
    await waitFor('the close', async () => (await stored(caseId)).status === 'closed_not_complaint');
    await drain();
    expect(topMessage(h, ts)).not.toContain('is drafting');
  });

  it('the advocate check warns in the modal, with the words and a better wording', async () => {
    const { caseId, ts } = await openPostedCase(h);
    const view = await openModal(CAROL, caseId, ts);
    await h.interact(
      typing({
        userId: CAROL,
        view,
        viewId: 'V0DRAFT003',
        hash: 'h1',
        blockId: Input.ReplyText.block,
        actionId: Input.ReplyText.action,
        value: "yeah we're useless lately, you'll get a refund. Email me at carol@lumora.example",
      }),
    );
    const shown = JSON.stringify(
      (await waitFor('the live check', () => h.fake.callsTo('views.update')[0])).params.view.blocks,
    );
    expect(shown).toContain('The advocate check: this *agrees that the brand is bad* (\\"we\'re useless\\")');
    expect(shown).toContain('*promises compensation or an outcome*');
    expect(shown).toContain('*shares personal data* (\\"carol@lumora.example\\")');
    expect(shown).toContain("_Try:_ Please don't post order numbers or contact details in public");
    await h.interact(
      typing({
        userId: CAROL,
        view,
        viewId: 'V0DRAFT003',
        hash: 'h2',
        blockId: Input.ReplyText.block,
        actionId: Input.ReplyText.action,
        value: 'So sorry about the wait. Could you DM us so we can check where it is?',
      }),
    );
    const polite = JSON.stringify(
      (await waitFor('the second check', () => h.fake.callsTo('views.update')[1])).params.view.blocks,
    );
    expect(polite).not.toContain('The advocate check');
  });

  it('"I\'ll post it from my account": nothing is sent, the text is ready to copy, the case records who and how', async () => {
    const { caseId, ts, outcome } = await openPostedCase(h);
    const view = await openModal(CAROL, caseId, ts);
    const text = "Sorry about this <!here>! I've asked the delivery team to chase it today.";
    const res = await h.interact(
      submission({ userId: CAROL, view, viewId: 'V0DRAFT004', values: values(text, 'own_account') }),
    );
    expect(res.json.response_action).toBe('update');
    expect(res.json.view.callback_id).toBe(Modal.OwnAccountReady);
    const ready = JSON.stringify(res.json.view.blocks);
    expect(ready).toContain(`<${outcome.mention.url}|`);
    expect(ready).toContain('Sorry about this &lt;!here&gt;!');
    expect(await stored(caseId)).toMatchObject({
      answeringSlackId: CAROL,
      answeringHow: 'own_account',
      draftingSlackId: null,
      ownerSlackId: null,
    });
    const [event] = await h.app.db.caseEvent.findMany({ where: { caseId, type: 'own_account_draft' } });
    expect(JSON.parse(event.detail)).toMatchObject({ text, flagged: [] });
    expect(await h.app.db.outboundMessage.count({ where: { purpose: 'human_reply' } })).toBe(0);
    await drain();
    expect(threadLines(h, ts).join('\n')).toContain(`<@${CAROL}> will answer from their own account.`);
    expect(topMessage(h, ts)).toContain(`<@${CAROL}> answers from their own account`);
  });
});
