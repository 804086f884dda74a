import { ALERT_OPEN_CASE, CaseAction } from '../../src/slack/slack-ids';
import { mention } from '../helpers/fixtures';
import {
  ALICE,
  actionLines,
  BOB,
  click,
  ephemeralsFor,
  nextEphemeral,
  openPostedCase,
  topMessage,
} from '../helpers/slack/desk-clicks';
import { type DeskHarness, startDeskHarness, TEAM_CHANNEL, waitFor } from '../helpers/slack/desk-harness';
import { closeAndCheck, slackSuite } from '../helpers/slack/with-contract';

const { contract, describe: describeSlack } = slackSuite('the Slack desk action tests');

describeSlack('one-click case actions from Slack', () => {
  let h: DeskHarness;
  beforeEach(async () => {
    h = await startDeskHarness(contract, { SLACK_ONCALL: 'S0ONCALL01' });
    h.fake.workspace.members = [ALICE, BOB];
  });
  afterEach(() => closeAndCheck(h));
  const stored = (id: number) => h.app.db.case.findUniqueOrThrow({ where: { id } });
  const eventsOf = (caseId: number, type: string) => h.app.db.caseEvent.findMany({ where: { caseId, type } });

  it('Take ownership: the case gets an owner, the audit trail a claim, the thread a line, the top message its new state', async () => {
    const { caseId, ts } = await openPostedCase(h);
    expect(topMessage(h, ts)).toContain('Take ownership');
    await click(h, ALICE, CaseAction.Claim, caseId, ts);
    await waitFor('the claim', async () => (await stored(caseId)).ownerSlackId);
    expect(await stored(caseId)).toMatchObject({ status: 'claimed', ownerSlackId: ALICE, claimedAt: expect.any(Date) });
    expect(await eventsOf(caseId, 'claimed')).toEqual([expect.objectContaining({ actor: `slack:${ALICE}` })]);
    await h.drainAll();
    expect(actionLines(h, ts)).toEqual([expect.stringContaining(`<@${ALICE}> took ownership`)]);
    expect(topMessage(h, ts)).toContain(`Owned by <@${ALICE}>`);
    expect(topMessage(h, ts)).not.toContain('Take ownership');
    expect(h.fake.callsTo('chat.update').at(-1)!.params).toMatchObject({ channel: TEAM_CHANNEL, ts });
  });

  it('two people claiming at once: exactly one wins, the other is told who has it', async () => {
    const { caseId, ts } = await openPostedCase(h);
    await Promise.all([click(h, ALICE, CaseAction.Claim, caseId, ts), click(h, BOB, CaseAction.Claim, caseId, ts)]);
    const owner = await waitFor('a winner', async () => (await stored(caseId)).ownerSlackId);
    const loser = owner === ALICE ? BOB : ALICE;
    expect(await nextEphemeral(h, loser)).toBe(`Case #${caseId} is already taken by <@${owner}>.`);
    await new Promise((r) => setTimeout(r, 100));
    expect(await eventsOf(caseId, 'claimed')).toHaveLength(1);
    expect(ephemeralsFor(h, owner!)).toEqual([]);
    await h.drainAll();
    expect(actionLines(h, ts)).toHaveLength(1);
  });

  it('Not a complaint: a Label for the scorer, the case closed, its buttons gone', async () => {
    const { caseId, ts, outcome } = await openPostedCase(h);
    await click(h, BOB, CaseAction.NotComplaint, caseId, ts);
    await waitFor('the case closed', async () => (await stored(caseId)).status === 'closed_not_complaint');
    const labels = await h.app.db.label.findMany();
    expect(labels).toEqual([
      expect.objectContaining({
        mentionId: outcome.mentionId,
        complaint: false,
        by: `slack:${BOB}`,
        text: outcome.mention.text,
        source: 'slack:not_a_complaint',
      }),
    ]);
    await h.drainAll();
    expect(topMessage(h, ts)).toContain('Closed: not a complaint');
    expect(topMessage(h, ts)).not.toContain('"type":"actions"');
    expect(actionLines(h, ts)[0]).toContain(`<@${BOB}> marked this as not a complaint`);
    await click(h, ALICE, CaseAction.NotComplaint, caseId, ts);
    expect(await nextEphemeral(h, ALICE)).toBe(`Case #${caseId} is closed not complaint: nothing to do.`);
    expect(await h.app.db.label.count()).toBe(1);
  });

  it('Escalate: the on-call group is pinged in the thread, the case records when and how often', async () => {
    const { caseId, ts } = await openPostedCase(h);
    await click(h, ALICE, CaseAction.Escalate, caseId, ts);
    await waitFor('the escalation', async () => (await stored(caseId)).status === 'escalated');
    await click(h, ALICE, CaseAction.Escalate, caseId, ts);
    await waitFor('the second escalation', async () => (await stored(caseId)).escalationCount === 2);
    const c = await stored(caseId);
    expect(c.escalatedAt!.getTime()).toBeLessThanOrEqual(c.lastEscalatedAt!.getTime());
    await h.drainAll();
    expect(actionLines(h, ts)[0]).toBe(
      `:rotating_light: <@${ALICE}> escalated this case. <!subteam^S0ONCALL01>, please take a look.`,
    );
    expect(topMessage(h, ts)).toContain('Escalated* (2 times)');
  });

  it('Open a case from a keyword alert: a Label saying it was a complaint, a case owned by the clicker, the alert updated', async () => {
    const [o] = await h.ingest([
      mention({ mentionsBrand: false, text: 'lumora charged me twice and nobody answers, unacceptable' }),
    ]);
    await h.drainAll();
    const alert = h.fake.workspace.topLevel(TEAM_CHANNEL)[0];
    await click(h, ALICE, ALERT_OPEN_CASE, o.mentionId!, alert.ts);
    const linked = await waitFor(
      'the case',
      async () => (await h.app.db.mention.findUniqueOrThrow({ where: { id: o.mentionId! } })).caseId,
    );
    expect(await h.app.db.label.findMany()).toEqual([
      expect.objectContaining({ mentionId: o.mentionId, complaint: true, by: `slack:${ALICE}` }),
    ]);
    expect(await stored(linked!)).toMatchObject({ ownerSlackId: ALICE, status: 'claimed' });
    await h.drainAll();
    const alertNow = JSON.stringify(h.fake.workspace.messages.find((m) => m.ts === alert.ts)!.blocks);
    expect(alertNow).toContain(`Case #${linked} opened by <@${ALICE}>`);
    expect(alertNow).not.toContain(ALERT_OPEN_CASE);
    expect(JSON.stringify(h.fake.workspace.topLevel(TEAM_CHANNEL)[1].blocks)).toContain(`Case #${linked}`);
    await click(h, BOB, ALERT_OPEN_CASE, o.mentionId!, alert.ts);
    expect(await nextEphemeral(h, BOB)).toBe(`This post is already in case #${linked}.`);
  });
});
