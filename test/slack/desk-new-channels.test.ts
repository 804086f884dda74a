import { CaseAction, Input } from '../../src/slack/slack-ids';
import { mention } from '../helpers/fixtures';
import { CAROL, click } from '../helpers/slack/desk-clicks';
import { type DeskHarness, startDeskHarness, TEAM_CHANNEL, waitFor } from '../helpers/slack/desk-harness';
import { typing } from '../helpers/slack/slack-payloads';
import { closeAndCheck, slackSuite } from '../helpers/slack/with-contract';

const { contract, describe: describeSlack } = slackSuite('the Slack desk tests for Bluesky and Mastodon');

describeSlack('Bluesky and Mastodon cases in Slack', () => {
  let h: DeskHarness;
  beforeEach(async () => {
    h = await startDeskHarness(contract);
    h.fake.workspace.members = [CAROL];
  });
  afterEach(() => closeAndCheck(h));

  const openCase = async (m: ReturnType<typeof mention>) => {
    const [o] = await h.ingest([m]);
    await h.drainAll();
    const c = await h.app.db.case.findUniqueOrThrow({ where: { id: o.caseId! } });
    const top = h.fake
      .callsTo('chat.postMessage')
      .find(
        (call) => call.params.channel === TEAM_CHANNEL && JSON.stringify(call.params.blocks).includes(`Case #${c.id}`),
      )!;
    return { caseId: c.id, ts: c.slackTs!, shown: JSON.stringify(top.params.blocks) };
  };
  const openReply = async (caseId: number, ts: string) => {
    const before = h.fake.callsTo('views.open').length;
    await click(h, CAROL, CaseAction.Reply, caseId, ts);
    return (await waitFor('the modal', () => h.fake.callsTo('views.open')[before])).params.view;
  };

  it('shows a Bluesky case with its channel and a link to the post, and checks a reply in graphemes against 300', async () => {
    const url = 'https://bsky.app/profile/ollie.bsky.social/post/3n2wqxpfjq222';
    const { caseId, ts, shown } = await openCase(
      mention({
        channel: 'bluesky',
        id: 'at://did:plc:ollie/app.bsky.feed.post/3n2wqxpfjq222',
        url,
        text: '@lumora.bsky.social my broadband drops every evening, ridiculous',
        author: { handle: 'ollie.bsky.social', name: 'Ollie Marsh' },
      }),
    );
    expect(shown).toContain('on Bluesky');
    expect(shown).toContain(`<${url}|view post>`);
    const view = await openReply(caseId, ts);
    expect(JSON.stringify(view.blocks)).toContain('0 / 300 characters on Bluesky');
    // 150 family emoji: 1,650 code units, 150 graphemes: fits Bluesky, where a code-point count would refuse it.
    const emoji = '👨‍👩‍👧‍👦'.repeat(150);
    await h.interact(
      typing({
        userId: CAROL,
        view,
        viewId: 'V0REPLY001',
        hash: 'h1',
        blockId: Input.ReplyText.block,
        actionId: Input.ReplyText.action,
        value: emoji,
      }),
    );
    const update = await waitFor('the live check', () => h.fake.callsTo('views.update')[0]);
    expect(JSON.stringify(update.params.view.blocks)).toContain('150 / 300 characters on Bluesky');
  });

  it('shows a Mastodon case and checks a reply against the instance limit, less room for the @mention', async () => {
    const url = 'https://toot.wales/@rhodri/113540221876543201';
    const { caseId, ts, shown } = await openCase(
      mention({
        channel: 'mastodon',
        id: '113540221876543201',
        url,
        text: '@lumora router replacement still nothing, poor show',
        author: { handle: 'rhodri@toot.wales', name: 'Rhodri Evans' },
      }),
    );
    expect(shown).toContain('on Mastodon');
    expect(shown).toContain(`<${url}|view post>`);
    const view = await openReply(caseId, ts);
    expect(JSON.stringify(view.blocks)).toContain('0 / 468 characters on Mastodon');
    const long = `see https://example.com/${'a'.repeat(600)} ${'x'.repeat(450)}`;
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
    expect(JSON.stringify(update.params.view.blocks)).toContain(
      `:x: ${4 + 23 + 1 + 450} / 468 characters: too long for Mastodon (the instance`,
    );
  });
});
