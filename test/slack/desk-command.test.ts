import { CaseAction } from '../../src/slack/slack-ids';
import { mention } from '../helpers/fixtures';
import { ALICE, BOB, click, MALLORY, openPostedCase } from '../helpers/slack/desk-clicks';
import { type DeskHarness, startDeskHarness, TEAM_CHANNEL, waitFor } from '../helpers/slack/desk-harness';
import { eventEnvelope, homeOpened, slashCommand } from '../helpers/slack/slack-payloads';
import { closeAndCheck, slackSuite } from '../helpers/slack/with-contract';

const { contract, describe: describeSlack } = slackSuite('the /mentions and App Home tests');

describeSlack('/mentions and the App Home', () => {
  let h: DeskHarness;
  const digests: string[] = [];
  const start = async (withDigest: boolean) => {
    h = await startDeskHarness(
      contract,
      {},
      withDigest
        ? {
            requestDigest: async (by) => {
              digests.push(by);
              return 'Digest posted to #managers.';
            },
          }
        : {},
    );
    h.fake.workspace.members = [ALICE, BOB];
  };
  afterEach(() => closeAndCheck(h));
  const command = (userId: string, text: string) =>
    h.command(
      slashCommand({ userId, text, channel: TEAM_CHANNEL, responseUrl: `${h.fake.baseUrl}/respond/${userId}` }),
    );

  it('status: open cases, unclaimed, the oldest one waiting, and the switch', async () => {
    await start(false);
    const first = await openPostedCase(h);
    const second = await openPostedCase(h);
    await click(h, ALICE, CaseAction.Claim, second.caseId, second.ts);
    await waitFor(
      'the claim',
      async () => (await h.app.db.case.findUniqueOrThrow({ where: { id: second.caseId } })).ownerSlackId,
    );
    const res = await command(ALICE, 'status');
    expect(res.json.response_type).toBe('ephemeral');
    expect(res.json.text).toContain(
      `*Desk status*: 2 open cases, 1 unclaimed, 0 escalated; oldest unclaimed: case #${first.caseId}`,
    );
    expect(res.json.text).toContain('Automatic acknowledgements: on');
    expect((await command(ALICE, '')).json.text).toContain('*Desk status*');
    await h.ingest([mention({ channel: 'bluesky', text: '@lumora.bsky.social my order never arrived, useless' })]);
    await h.ingest([mention({ channel: 'mastodon', text: '@lumora my order never arrived, useless' })]);
    await h.ingest([mention({ channel: 'mastodon', text: '@lumora charged twice, awful' })]);
    expect((await command(ALICE, 'status')).json.text).toContain('Open cases by channel: Mastodon 2, X 2, Bluesky 1.');
  });

  it('pause is a kill switch the pipeline obeys and the channel hears about; resume turns it back', async () => {
    await start(false);
    const paused = await command(BOB, 'pause');
    expect(paused.json.text).toContain('Automatic acknowledgements are *paused*');
    expect(await h.app.db.setting.findUnique({ where: { key: 'acknowledgements_paused' } })).toMatchObject({
      value: 'true',
    });
    const [o] = await h.ingest([mention()]);
    expect(o.decision).toMatchObject({ acknowledge: false, holdReason: 'automatic acknowledgements are paused' });
    await h.drainAll();
    expect(h.customer.sent).toHaveLength(0);
    expect(h.fake.workspace.topLevel(TEAM_CHANNEL)[0].text).toContain(`<@${BOB}> *paused automatic acknowledgements*`);
    expect((await command(BOB, 'status')).json.text).toContain('*paused*');

    expect((await command(BOB, 'resume')).json.text).toContain('on* again');
    expect((await h.app.db.setting.findUniqueOrThrow({ where: { key: 'acknowledgements_paused' } })).value).toBe(
      'false',
    );
    const [after] = await h.ingest([mention()]);
    expect(after.decision?.acknowledge).toBe(true);
  });

  it('digest: the built-in digest of today and the 6 days before goes to the channel through the outbox, its chart in the thread', async () => {
    await start(false);
    const [o] = await h.ingest([mention({ createdAt: new Date(Date.now() - 3_600_000) })]);
    const res = await command(ALICE, 'digest now');
    expect(res.json.text).toContain('Building the digest');
    const answer = await waitFor('the follow-up answer', () =>
      h.fake.responses.find((r) => r.path === `/respond/${ALICE}`),
    );
    expect(answer.body.text).toBe(
      `:bookmark_tabs: The digest of today and the 6 days before is on its way to <#${TEAM_CHANNEL}>.`,
    );
    const row = await h.app.db.outboundMessage.findFirstOrThrow({ where: { kind: 'slack_digest' } });
    expect(row.text).toMatch(/\*\*1 mentions\*\*, 1 complaints/);
    await h.drainAll();
    const posted = h.fake.workspace
      .topLevel(TEAM_CHANNEL)
      .find((m) => m.blocks?.[0]?.type === 'header' && /Mentions digest/.test(m.blocks[0].text.text))!;
    const shown = JSON.stringify(posted.blocks);
    expect(shown).toContain('*Volume*');
    expect(shown).toMatch(/```channel\s+mentions\s+complaints\\nx\s+1\s+1```/);
    const [chart] = h.fake.files.shared;
    expect(chart).toMatchObject({ channel: TEAM_CHANNEL, thread_ts: posted.ts, title: 'Mentions and complaint share' });
    expect(chart.bytes.subarray(1, 4).toString()).toBe('PNG');
    expect((await h.app.db.outboundMessage.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('sent');
    expect(o.caseOpened).toBe(true);
  });

  it('digest: asks the injected builder and answers through the response URL', async () => {
    await start(true);
    const res = await command(ALICE, 'digest now');
    expect(res.json.text).toContain('Building the digest');
    const answer = await waitFor('the follow-up answer', () =>
      h.fake.responses.find((r) => r.path === `/respond/${ALICE}`),
    );
    expect(answer.body).toMatchObject({
      response_type: 'ephemeral',
      text: ':bookmark_tabs: Digest posted to #managers.',
    });
    expect(digests).toEqual([ALICE]);
  });

  it("App Home lists the user's own open cases with links and buttons; outsiders see no cases", async () => {
    await start(false);
    const mine = await openPostedCase(h, '@lumora <!channel> my bill doubled, unacceptable!');
    const theirs = await openPostedCase(h);
    await click(h, ALICE, CaseAction.Claim, mine.caseId, mine.ts);
    await click(h, BOB, CaseAction.Claim, theirs.caseId, theirs.ts);
    await waitFor(
      'the claims',
      async () => (await h.app.db.case.count({ where: { ownerSlackId: { not: null } } })) === 2,
    );
    await h.event(eventEnvelope(homeOpened(ALICE)));
    const publish = await waitFor('the home view', () => h.fake.callsTo('views.publish')[0]);
    expect(publish.params.user_id).toBe(ALICE);
    const shown = JSON.stringify(publish.params.view.blocks);
    expect(shown).toContain('Your open cases (1)');
    expect(shown).toContain(
      `<https://lumora.slack.com/archives/${TEAM_CHANNEL}/p${mine.ts.replace('.', '')}|Case #${mine.caseId}>`,
    );
    expect(shown).toContain('&lt;!channel&gt; my bill doubled');
    expect(shown).not.toContain(`Case #${theirs.caseId}`);
    expect(shown).toContain('"action_id":"case_resolve"');

    await h.event(eventEnvelope(homeOpened(MALLORY)));
    const outsider = await waitFor('the outsider view', () => h.fake.callsTo('views.publish')[1]);
    expect(JSON.stringify(outsider.params.view.blocks)).toContain('This desk is for the support team');
    expect(JSON.stringify(outsider.params.view.blocks)).not.toContain('Case #');
  });
});
