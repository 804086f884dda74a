import { CaseAction } from '../../src/slack/slack-ids';
import { ALICE, click, MALLORY, nextEphemeral, openPostedCase } from '../helpers/slack/desk-clicks';
import {
  type DeskHarness,
  SIGNING_SECRET,
  startDeskHarness,
  TEAM_CHANNEL,
  waitFor,
} from '../helpers/slack/desk-harness';
import { buttonClick, eventEnvelope, slashCommand, submission, threadMessage } from '../helpers/slack/slack-payloads';
import { closeAndCheck, slackSuite } from '../helpers/slack/with-contract';

const { contract, describe: describeSlack } = slackSuite('the Slack desk security tests');

describeSlack('the Slack desk refuses what it must', () => {
  let h: DeskHarness;
  afterEach(() => closeAndCheck(h));
  const snapshot = async () => ({
    cases: await h.app.db.case.findMany({ orderBy: { id: 'asc' } }),
    events: await h.app.db.caseEvent.count(),
    outbound: await h.app.db.outboundMessage.count(),
    settings: await h.app.db.setting.findMany(),
  });

  describe('with the team channel as the team', () => {
    beforeEach(async () => {
      h = await startDeskHarness(contract);
      h.fake.workspace.members = [ALICE, 'U0BOTUSER1'];
    });

    it('rejects a request with a bad signature, and one with a stale timestamp, changing nothing', async () => {
      const { caseId, ts } = await openPostedCase(h);
      const before = await snapshot();
      const callsBefore = h.fake.calls.length;
      const payload = buttonClick({
        userId: ALICE,
        actionId: CaseAction.Claim,
        value: String(caseId),
        channel: TEAM_CHANNEL,
        messageTs: ts,
        responseUrl: `${h.fake.baseUrl}/respond/x`,
      });
      const forged = await h.interact(payload, { secret: `${SIGNING_SECRET}-not` });
      const stale = await h.interact(payload, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
      expect([forged.status, stale.status]).toEqual([401, 401]);
      await new Promise((r) => setTimeout(r, 100));
      expect(await snapshot()).toEqual(before);
      expect(h.fake.calls.length).toBe(callsBefore);
    });

    it('tells someone outside the team, only them, that they may not act; nothing changes', async () => {
      const { caseId, ts } = await openPostedCase(h);
      const before = await snapshot();
      expect((await click(h, MALLORY, CaseAction.Claim, caseId, ts)).status).toBe(200);
      const refusal = await nextEphemeral(h, MALLORY);
      expect(refusal).toContain(`Only members of <#${TEAM_CHANNEL}> can act`);
      expect(await snapshot()).toEqual(before);

      const command = await h.command(
        slashCommand({
          userId: MALLORY,
          text: 'pause',
          channel: TEAM_CHANNEL,
          responseUrl: `${h.fake.baseUrl}/respond/m`,
        }),
      );
      expect(command.json).toMatchObject({
        response_type: 'ephemeral',
        text: expect.stringContaining('Only members of'),
      });
      const submit = await h.interact(
        submission({
          userId: MALLORY,
          viewId: 'V0FORGED01',
          view: { type: 'modal', callback_id: 'reply_modal', private_metadata: JSON.stringify({ caseId }), blocks: [] },
          values: { reply_text_block: { reply_text: { type: 'plain_text_input', value: 'we will refund you' } } },
        }),
      );
      expect(submit.json).toMatchObject({
        response_action: 'errors',
        errors: { reply_text_block: expect.stringContaining('Only members of the support team') },
      });
      expect(await snapshot()).toEqual(before);
    });

    it('keeps what the team types in a thread internal: nothing is queued for the customer', async () => {
      const { ts } = await openPostedCase(h);
      const before = await snapshot();
      const res = await h.event(
        eventEnvelope(
          threadMessage({
            userId: ALICE,
            channel: TEAM_CHANNEL,
            threadTs: ts,
            text: 'between us: we messed up, refund them',
          }),
        ),
      );
      expect(res.status).toBe(200);
      await h.drainAll();
      expect(await snapshot()).toEqual(before);
      expect(h.customer.sent.map((r) => r.text).join('\n')).not.toContain('between us');
    });
  });

  it('with a user group as the team, refuses channel members outside the group and accepts its members', async () => {
    h = await startDeskHarness(contract, { SLACK_TEAM_USERGROUP: 'S0SUPPORT1' });
    h.fake.workspace.members = [ALICE, MALLORY];
    h.fake.workspace.usergroupUsers = [ALICE];
    const { caseId, ts } = await openPostedCase(h);
    await click(h, MALLORY, CaseAction.Claim, caseId, ts);
    const refusal = await nextEphemeral(h, MALLORY);
    expect(refusal).toContain("the support team's user group");
    await click(h, ALICE, CaseAction.Claim, caseId, ts);
    await waitFor(
      'the claim',
      async () => (await h.app.db.case.findUniqueOrThrow({ where: { id: caseId } })).ownerSlackId === ALICE,
    );
    expect(h.fake.callsTo('usergroups.users.list')[0].params).toMatchObject({ usergroup: 'S0SUPPORT1' });
    expect(h.fake.callsTo('conversations.members')).toHaveLength(0);
  });
});
