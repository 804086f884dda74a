import { postMaybeMissed } from '../../src/jobs/post-maybe-missed';
import { MAYBE_MISSED_COMPLAINT } from '../../src/slack/slack-ids';
import { mention } from '../helpers/fixtures';
import { ALICE, BOB, click, nextEphemeral } from '../helpers/slack/desk-clicks';
import { type DeskHarness, startDeskHarness, TEAM_CHANNEL, waitFor } from '../helpers/slack/desk-harness';
import { closeAndCheck, slackSuite } from '../helpers/slack/with-contract';

const { contract, describe: describeSlack } = slackSuite('the "maybe missed" tests');

describeSlack('the daily "maybe missed" list in the team channel', () => {
  let h: DeskHarness;
  beforeEach(async () => {
    h = await startDeskHarness(contract);
    h.fake.workspace.members = [ALICE, BOB];
  });
  afterEach(() => closeAndCheck(h));

  const plan = (max = 20) => ({
    max,
    threshold: 0.5,
    since: new Date(Date.now() - 3_600_000),
    now: new Date(),
    key: `day-${max}`,
  });
  const listMessage = () => h.fake.workspace.topLevel(TEAM_CHANNEL).find((m) => m.text.startsWith('Maybe missed'))!;

  it('lists ignored mentions closest below the threshold, best first; a click opens a case and stores the label', async () => {
    const texts = [
      '@lumora thanks for the upgrade, crew was lovely',
      '@lumora saw your ad on the bus this morning <!channel>',
      '@lumora the new shop in Leith opens next week',
      '@lumora my order never arrived and nobody answers. Unacceptable!',
      '@lumora earn £500 a day from home, click my bio',
    ];
    const outcomes = await h.ingest(texts.map((text, i) => mention({ text, url: `https://x.com/a/status/${i + 1}` })));
    await h.drainAll();
    const ignored = outcomes.filter((o) => o.decision?.action === 'ignore' && o.score!.score < 0.5);
    const listed = await postMaybeMissed(h.app.db, plan());
    // the complaint got a case, the spam is ignored whatever it scores: neither is listed
    const byScore = [...ignored].sort((a, b) => b.score!.score - a.score!.score).map((o) => o.mentionId);
    expect(listed).toEqual(byScore.filter((id) => id !== outcomes[4].mentionId));
    expect(listed).not.toContain(outcomes[3].mentionId);
    expect(listed).toHaveLength(3);
    await h.drainAll();
    const list = listMessage();
    const blocks = JSON.stringify(list.blocks);
    expect(blocks).toContain('ignored mentions that scored closest below the complaint threshold (0.5)');
    expect(blocks).toContain('&lt;!channel&gt;');
    expect(blocks).not.toContain('<!channel>');
    expect(blocks.split(MAYBE_MISSED_COMPLAINT).length - 1).toBe(listed.length);

    const picked = listed[0];
    await click(h, ALICE, MAYBE_MISSED_COMPLAINT, picked, list.ts);
    const caseId = await waitFor(
      'the case',
      async () => (await h.app.db.mention.findUniqueOrThrow({ where: { id: picked } })).caseId,
    );
    expect(await h.app.db.label.findMany({ where: { mentionId: picked } })).toEqual([
      expect.objectContaining({ complaint: true, source: 'slack:maybe_missed', by: `slack:${ALICE}` }),
    ]);
    expect(await h.app.db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({
      ownerSlackId: ALICE,
      holdReason: expect.stringMatching(/maybe missed/),
    });
    await h.drainAll();
    const after = JSON.stringify(h.fake.workspace.messages.find((m) => m.ts === list.ts)!.blocks);
    expect(after).toContain(`Case #${caseId} opened by <@${ALICE}>`);
    expect(after.split(MAYBE_MISSED_COMPLAINT).length - 1).toBe(listed.length - 1);
    expect(JSON.stringify(h.fake.workspace.topLevel(TEAM_CHANNEL).at(-1)!.blocks)).toContain(`Case #${caseId}`);

    await click(h, BOB, MAYBE_MISSED_COMPLAINT, picked, list.ts);
    expect(await nextEphemeral(h, BOB)).toBe(`This post is already in case #${caseId}.`);
    // labelled or in a case: not listed again
    expect(await postMaybeMissed(h.app.db, { ...plan(), key: 'next-day' })).not.toContain(picked);
  });

  it('lists at most MAYBE_MISSED_MAX, posts nothing when nothing is near, and posts once per day', async () => {
    expect(await postMaybeMissed(h.app.db, plan())).toEqual([]);
    await h.ingest(
      Array.from({ length: 4 }, (_, i) =>
        mention({ text: `@lumora lovely crew on flight ${i}, thanks`, url: `https://x.com/b/status/${i + 1}` }),
      ),
    );
    await h.drainAll();
    expect(await postMaybeMissed(h.app.db, plan(2))).toHaveLength(2);
    await postMaybeMissed(h.app.db, plan(2));
    await h.drainAll();
    expect(h.fake.workspace.topLevel(TEAM_CHANNEL).filter((m) => m.text.startsWith('Maybe missed'))).toHaveLength(1);
  });
});
