import { CaseAction, CustomerDataAction, Input, LinkAction, Modal } from '../../src/slack/slack-ids';
import { mention } from '../helpers/fixtures';
import { ALICE, BOB, click, MALLORY, nextEphemeral, threadLines, topMessage } from '../helpers/slack/desk-clicks';
import { type DeskHarness, startDeskHarness, TEAM_CHANNEL, waitFor } from '../helpers/slack/desk-harness';
import { buttonClick, slashCommand, submission } from '../helpers/slack/slack-payloads';
import { closeAndCheck, slackSuite } from '../helpers/slack/with-contract';

const { contract, describe: describeSlack } = slackSuite('the Slack customer (one person, every channel) tests');

const maria = { id: 'x-maria', handle: 'maria_k', name: 'Maria K' };
const mariaDiscord = { id: 'd-maria', handle: 'maria.k', name: 'Maria K' };
const other = { id: 'd-mariak', handle: 'mariak', name: 'Maria K' };

describeSlack('one customer across channels, from Slack', () => {
  let h: DeskHarness;
  beforeEach(async () => {
    h = await startDeskHarness(contract);
    h.fake.workspace.members = [ALICE, BOB];
  });
  afterEach(() => closeAndCheck(h));

  /** Maria complains on X; her case is posted; returns its id and message ts. */
  async function mariaCase() {
    const [o] = await h.ingest([mention({ author: maria, url: 'https://x.com/maria_k/status/1' })]);
    await h.drainAll();
    const c = await h.app.db.case.findUniqueOrThrow({ where: { id: o.caseId! } });
    return { caseId: c.id, ts: c.slackTs!, customerId: o.customerId! };
  }
  const command = (userId: string, text: string) =>
    h.command(
      slashCommand({ userId, text, channel: TEAM_CHANNEL, responseUrl: `${h.fake.baseUrl}/respond/${userId}` }),
    );

  it('a quoted reference links the Discord identity: the thread says so, the top message shows both identities', async () => {
    const { caseId, ts } = await mariaCase();
    await h.ingest([
      mention({ channel: 'discord', author: mariaDiscord, text: `@lumora still waiting, Ref #${caseId}` }),
    ]);
    await h.drainAll();
    const lines = threadLines(h, ts);
    expect(lines.some((l) => l.includes('Linked *discord:maria.k*, who quoted #'))).toBe(true);
    expect(lines.some((l) => l.includes('still waiting'))).toBe(true);
    const top = topMessage(h, ts);
    expect(top).toContain('@maria_k on X');
    expect(top).toContain('@maria.k on Discord');
    expect(top).toContain('Timeline across channels');
    expect(top).toContain('Unlink @maria.k');
  });

  it('a similar person is only suggested; Not the same dismisses it for good; Link joins them', async () => {
    const { caseId, ts } = await mariaCase();
    await h.ingest([mention({ channel: 'discord', author: other, text: '@lumora hello there' })]);
    await h.drainAll();
    const suggestion = await h.app.db.linkSuggestion.findFirstOrThrow({ where: { caseId } });
    expect(await h.app.db.identityLink.count()).toBe(0);
    expect(topMessage(h, ts)).toContain('Possibly the same person as @mariak on Discord');
    await click(h, MALLORY, LinkAction.Accept, suggestion.id, ts);
    await nextEphemeral(h, MALLORY);
    expect(await h.app.db.identityLink.count()).toBe(0);
    await click(h, ALICE, LinkAction.Dismiss, suggestion.id, ts);
    await waitFor(
      'the dismissal',
      async () =>
        (await h.app.db.linkSuggestion.findUniqueOrThrow({ where: { id: suggestion.id } })).status === 'dismissed',
    );
    await h.drainAll();
    expect(threadLines(h, ts).some((l) => l.includes(`<@${ALICE}>: *discord:mariak* is not the same person`))).toBe(
      true,
    );
    expect(topMessage(h, ts)).not.toContain('Possibly the same person');
    await click(h, BOB, LinkAction.Accept, suggestion.id, ts);
    expect(await nextEphemeral(h, BOB)).toBe('Someone already answered that suggestion.');
    // The same suggestion can never be made again on this case (Not the same is remembered).
    const again = await h.app.db.linkSuggestion
      .create({ data: { caseId, identityId: suggestion.identityId, reason: 'test' } })
      .catch(() => null);
    expect(again).toBeNull(); // one suggestion per case and identity, ever
  });

  it('Link on a suggestion links; Unlink restores the history as it was', async () => {
    const { caseId, ts, customerId } = await mariaCase();
    const [d] = await h.ingest([
      mention({ channel: 'discord', author: other, text: '@lumora my bill is wrong again!' }),
    ]);
    // Her own case exists: the suggestion still waits on Maria's case.
    const suggestion = await h.app.db.linkSuggestion.findFirstOrThrow({ where: { caseId } });
    await click(h, ALICE, LinkAction.Accept, suggestion.id, ts);
    const identity = () => h.app.db.identity.findFirstOrThrow({ where: { externalId: 'd-mariak' } });
    await waitFor('the link', async () => (await identity()).customerId === customerId);
    const link = await h.app.db.identityLink.findFirstOrThrow();
    expect(link).toMatchObject({ how: 'suggestion', by: `slack:${ALICE}`, fromCustomerId: d.customerId, caseId });
    expect((await h.app.db.case.findUniqueOrThrow({ where: { id: d.caseId! } })).customerId).toBe(customerId);
    // Later words from that identity go to the open case (the newest of the person's open cases).
    await h.drainAll();
    await click(h, BOB, LinkAction.Unlink, link.id, ts);
    await waitFor('the unlink', async () => (await identity()).customerId === d.customerId);
    expect((await h.app.db.case.findUniqueOrThrow({ where: { id: d.caseId! } })).customerId).toBe(d.customerId);
    expect(await h.app.db.mention.count({ where: { customerId: d.customerId } })).toBe(1);
    const [event] = await h.app.db.caseEvent.findMany({ where: { caseId, type: 'identity_unlinked' } });
    expect(event.actor).toBe(`slack:${BOB}`);
    await h.drainAll();
    expect(threadLines(h, ts).some((l) => l.includes(`<@${BOB}> unlinked *discord:mariak*`))).toBe(true);
  });

  it('Link to customer…: search by handle across channels, ambiguous names are refused in the modal', async () => {
    const { caseId, ts, customerId } = await mariaCase();
    await h.ingest([
      mention({ channel: 'discord', author: { id: 'd-1', handle: 'kettle_m', name: 'M Kettle' }, text: 'hi' }),
      mention({ channel: 'discord', author: { id: 'd-2', handle: 'kettle_j', name: 'J Kettle' }, text: 'hi' }),
    ]);
    const before = h.fake.callsTo('views.open').length;
    await click(h, ALICE, CaseAction.LinkCustomer, caseId, ts);
    const view = (await waitFor('the modal', () => h.fake.callsTo('views.open')[before])).params.view;
    expect(view.callback_id).toBe(Modal.LinkCustomer);
    const submit = (value: string) =>
      h.interact(
        submission({
          userId: ALICE,
          view,
          viewId: 'V0LINK0001',
          values: { [Input.LinkQuery.block]: { [Input.LinkQuery.action]: { type: 'plain_text_input', value } } },
        }),
      );
    const ambiguous = await submit('kettle');
    expect(ambiguous.json.response_action).toBe('errors');
    expect(ambiguous.json.errors[Input.LinkQuery.block]).toContain('Several people match');
    const ok = await submit('discord:kettle_m');
    expect(ok.status).toBe(200);
    expect(ok.json?.response_action).toBeUndefined();
    expect((await h.app.db.identity.findFirstOrThrow({ where: { externalId: 'd-1' } })).customerId).toBe(customerId);
    expect(await h.app.db.identityLink.findFirstOrThrow()).toMatchObject({ how: 'manual', by: `slack:${ALICE}` });
  });

  it('a customer with 500 past messages: the case message and Show all stay within Block Kit limits', async () => {
    const { caseId, ts, customerId } = await mariaCase();
    const identity = await h.app.db.identity.findFirstOrThrow({ where: { customerId } });
    const long = `${'&<>'.repeat(300)} my order `.repeat(3);
    await h.app.db.mention.createMany({
      data: Array.from({ length: 500 }, (_, i) => ({
        channel: 'x',
        externalId: `past-${i}`,
        mentionsBrand: true,
        identityId: identity.id,
        customerId,
        text: `${i} ${long}`,
        postedAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
        score: 0.1,
        complaint: false,
        reasons: '[]',
        topic: 'other',
        severity: 'low',
        decision: 'ignore',
        decisionReasons: '[]',
      })),
    });
    await click(h, ALICE, CaseAction.Claim, caseId, ts);
    await waitFor(
      'the claim',
      async () => (await h.app.db.case.findUniqueOrThrow({ where: { id: caseId } })).ownerSlackId,
    );
    await h.drainAll();
    const top = h.fake.callsTo('chat.update').at(-1)!.params;
    expect(top.blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(top.blocks)).toContain('Show all (');
    const before = h.fake.callsTo('views.open').length;
    await click(h, ALICE, CaseAction.ShowAll, caseId, ts);
    const view = (await waitFor('the modal', () => h.fake.callsTo('views.open')[before])).params.view;
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(JSON.stringify(view.blocks)).toContain('&amp;&lt;&gt;');
    // The fake checks every block against Block Kit's limits: closeAndCheck fails on any violation.
  });

  it('/mentions customer shows the person; export and forget ask first, then act', async () => {
    const { caseId } = await mariaCase();
    const shown = await command(ALICE, 'customer @maria_k');
    expect(JSON.stringify(shown.json.blocks)).toContain('@maria_k on X');
    const byCase = await command(ALICE, `customer #${caseId}`);
    expect(JSON.stringify(byCase.json.blocks)).toContain('@maria_k on X');
    expect((await command(ALICE, 'customer nobody_here')).json.text).toContain('Nobody is known');
    const ask = await command(ALICE, 'customer forget maria_k');
    expect(ask.json.text).toContain('Erase');
    expect(await h.app.db.customer.count({ where: { forgottenAt: { not: null } } })).toBe(0);
    const exportAsk = await command(ALICE, 'customer export maria_k');
    const customerId = Number(exportAsk.json.blocks[1].elements[0].value);
    await h.interact({
      ...buttonClick({
        userId: ALICE,
        actionId: CustomerDataAction.Export,
        value: String(customerId),
        channel: TEAM_CHANNEL,
        messageTs: '1.1',
        responseUrl: `${h.fake.baseUrl}/respond/${ALICE}`,
      }),
    });
    const file = await waitFor('the export file', () => h.fake.files.shared[0]);
    expect(file.channel).not.toBe(TEAM_CHANNEL);
    const doc = JSON.parse(file.bytes.toString('utf8'));
    expect(doc.identities).toEqual([expect.objectContaining({ handle: 'maria_k', channel: 'x' })]);
    expect(doc.mentions[0].text).toContain('my order never arrived');
    await h.interact(
      buttonClick({
        userId: ALICE,
        actionId: CustomerDataAction.Forget,
        value: String(customerId),
        channel: TEAM_CHANNEL,
        messageTs: '1.1',
        responseUrl: `${h.fake.baseUrl}/respond/${ALICE}`,
      }),
    );
    await waitFor(
      'the erasure',
      async () => (await h.app.db.customer.findUniqueOrThrow({ where: { id: customerId } })).forgottenAt,
    );
    expect(await h.app.db.mention.count({ where: { customerId, text: { not: '' } } })).toBe(0);
    expect(await h.app.db.dataRequest.findMany({ orderBy: { id: 'asc' } })).toEqual([
      expect.objectContaining({ kind: 'export', by: `slack:${ALICE}` }),
      expect.objectContaining({ kind: 'forget', by: `slack:${ALICE}` }),
    ]);
  });
});
