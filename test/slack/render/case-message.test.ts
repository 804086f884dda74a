import { mention } from '../../helpers/fixtures';
import { type DeskHarness, startDeskHarness, TEAM_CHANNEL } from '../../helpers/slack/desk-harness';
import { closeAndCheck, slackSuite } from '../../helpers/slack/with-contract';

const { contract, describe: describeSlack } = slackSuite('the Slack case message tests');

const HOSTILE =
  '@lumora <!channel> my order never arrived & <@U0BOSS0001> said <https://evil.example|your bank> would refund. Unacceptable!';

describeSlack('the case top message in Slack', () => {
  let h: DeskHarness;
  beforeEach(async () => {
    h = await startDeskHarness(contract);
  });
  afterEach(() => closeAndCheck(h));

  it('posts one Block Kit message with the customer, the text, score and reasons, what the bot did and the history, and stores where it went', async () => {
    await h.ingest([
      mention({
        id: 'p-early',
        text: '@lumora my bill is wrong, charged twice!',
        author: { id: 'u-maria', handle: 'maria_k', name: 'Maria Kettle' },
        url: 'https://x.com/maria_k/status/1',
      }),
    ]);
    const first = await h.app.db.case.findFirstOrThrow();
    await h.app.db.case.update({
      where: { id: first.id },
      data: { status: 'resolved', outcome: 'solved', resolvedAt: new Date('2026-11-01T10:00:00Z') },
    });
    const [o] = await h.ingest([
      mention({
        id: 'p-late',
        text: '@lumora my router never arrived and nobody answers. Unacceptable!',
        author: { id: 'u-maria', handle: 'maria_k', name: 'Maria Kettle' },
        url: 'https://x.com/maria_k/status/2',
      }),
    ]);
    await h.drainAll();

    const posts = h.fake.callsTo('chat.postMessage').filter((c) => c.params.channel === TEAM_CHANNEL);
    const post = posts.find((c) => JSON.stringify(c.params.blocks).includes(`Case #${o.caseId}`))!;
    expect(post).toBeDefined();
    const shown = JSON.stringify(post.params.blocks);
    expect(shown).toContain('Maria Kettle');
    expect(shown).toContain('@maria_k');
    expect(shown).toContain('on X');
    expect(shown).toContain('<https://x.com/maria_k/status/2|view post>');
    expect(shown).toContain('my router never arrived');
    expect(shown).toMatch(/Score 0\.\d\d: [+-]\d\.\d\d /);
    expect(shown).toContain('delivery');
    expect(shown).toContain('Public acknowledgement*: sent (<https://x.example/lumora/status/');
    expect(shown).toContain(`#${first.id} billing on x`);
    expect(shown).toContain('resolved (Solved)');
    expect(shown).toContain('Take ownership');
    const stored = await h.app.db.case.findUniqueOrThrow({ where: { id: o.caseId! } });
    const posted = h.fake.workspace.messages.find((m) => JSON.stringify(m.blocks).includes(`Case #${o.caseId}`))!;
    expect([stored.slackChannel, stored.slackTs]).toEqual([TEAM_CHANNEL, posted.ts]);
  });

  it('escapes what the customer wrote and who they say they are: nobody is paged and no link is forged', async () => {
    const [o] = await h.ingest([
      mention({ text: HOSTILE, author: { handle: 'evil<!here>', name: '<!everyone> & Co' } }),
    ]);
    await h.drainAll();
    const post = h.fake
      .callsTo('chat.postMessage')
      .find((c) => JSON.stringify(c.params.blocks).includes(`Case #${o.caseId}`))!;
    const all = JSON.stringify([post.params.text, post.params.blocks]);
    expect(all).toContain('&lt;!channel&gt;');
    expect(all).toContain('&lt;@U0BOSS0001&gt;');
    expect(all).toContain('&lt;https://evil.example|your bank&gt;');
    expect(all).toContain('&lt;!everyone&gt; &amp; Co');
    expect(all).toContain('evil&lt;!here&gt;');
    for (const raw of ['<!channel>', '<!here>', '<!everyone>', '<@U0BOSS0001>', '<https://evil.example'])
      expect(all).not.toContain(raw);
  });

  it("posts a huge hostile post within Slack's block limits, shortened visibly (the fake checks every limit)", async () => {
    const huge = `@lumora ${'<!channel> & my order never arrived >:(\n'.repeat(1200)}`;
    const [o] = await h.ingest([mention({ text: huge, author: { name: '&'.repeat(500) } })]);
    await h.drainAll();
    const post = h.fake
      .callsTo('chat.postMessage')
      .find((c) => JSON.stringify(c.params.blocks).includes(`Case #${o.caseId}`))!;
    const quote = post.params.blocks.find((b: any) => b.type === 'section' && b.text.text.startsWith('>@lumora'));
    expect(quote.text.text.length).toBeLessThanOrEqual(3000);
    expect(quote.text.text.endsWith('…')).toBe(true);
    expect((await h.app.db.case.findUniqueOrThrow({ where: { id: o.caseId! } })).slackTs).toBe(
      h.fake.workspace.messages[0].ts,
    );
    await h.ingest([mention({ text: huge, author: o.mention.author, url: `https://x.com/${'a'.repeat(1500)}` })]);
    await h.drainAll();
    const line = h.fake.workspace.messages.at(-1)!;
    expect(line.thread_ts).toBe(h.fake.workspace.messages[0].ts);
    expect(line.text.length).toBeLessThanOrEqual(3000);
  });
});
