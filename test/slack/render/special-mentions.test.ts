import { mention } from '../../helpers/fixtures';
import { checkBlocks } from '../../helpers/slack/check-block-kit';
import { type DeskHarness, startDeskHarness, TEAM_CHANNEL } from '../../helpers/slack/desk-harness';
import { closeAndCheck, slackSuite } from '../../helpers/slack/with-contract';

const { contract, describe: describeSlack } = slackSuite('the special-mention tests');

// Every mrkdwn text object in a message's blocks, wherever it sits (sections, fields, context).
function mrkdwnObjects(node: unknown, out: Array<{ text: string; verbatim?: boolean }> = []) {
  if (Array.isArray(node)) for (const n of node) mrkdwnObjects(n, out);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'mrkdwn' && typeof o.text === 'string') out.push(o as { text: string; verbatim?: boolean });
    for (const v of Object.values(o)) if (typeof v === 'object') mrkdwnObjects(v, out);
  }
  return out;
}

// Security finding: customer text with a bare @here/@channel/@everyone was posted in mrkdwn without
// verbatim: true (Slack may parse mentions there), and a customer whose handle is `here` showed as (@here).
describeSlack('special mentions in customer text never reach Slack as mentions', () => {
  let h: DeskHarness;
  beforeEach(async () => {
    h = await startDeskHarness(contract);
  });
  afterEach(() => closeAndCheck(h));

  it('every mrkdwn text carrying customer words is verbatim, and a handle "here" is never shown as (@here)', async () => {
    await h.ingest([
      mention({
        id: 'p-1',
        text: '@lumora @here @channel @everyone my order never arrived. Unacceptable!',
        author: { handle: 'here', name: 'here' },
      }),
      mention({
        id: 'p-2',
        text: '@lumora still nothing @everyone, charged twice, unacceptable!',
        author: { handle: 'channel', name: 'Chan' },
      }),
    ]);
    await h.ingest([
      mention({ id: 'p-3', text: '@lumora hello?? @here', author: { id: 'u-keep', handle: 'here', name: 'here' } }),
    ]);
    await h.drainAll();
    const posts = h.fake.callsTo('chat.postMessage').filter((c) => c.params.channel === TEAM_CHANNEL);
    expect(posts.length).toBeGreaterThan(0);
    const shown = JSON.stringify(posts.map((p) => p.params.blocks));
    expect(shown).toContain('@here @channel @everyone my order never arrived');
    expect(shown).not.toMatch(/\(@here\)|\(@channel\)/);
    expect(shown).toContain('(@\\u2060here)'.replace('\\u2060', '\u2060'));
    const texts = mrkdwnObjects(posts.map((p) => p.params.blocks));
    expect(texts.length).toBeGreaterThan(3);
    expect(texts.filter((t) => t.verbatim !== true)).toEqual([]);
    for (const p of posts) expect(checkBlocks(p.params.blocks)).toEqual([]);
  });

  it('the fake refuses non-verbatim mrkdwn holding a bare @here (so every Slack test checks it)', () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'hi @here' } }];
    expect(checkBlocks(blocks)).toEqual([expect.stringMatching(/without verbatim: true holds a bare @here/)]);
    expect(checkBlocks([{ type: 'section', text: { type: 'mrkdwn', verbatim: true, text: 'hi @here' } }])).toEqual([]);
  });
});
