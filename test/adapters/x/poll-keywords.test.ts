import { buildSearchQuery } from '../../../adapters/x/poll-keywords';
import { xContractMissing } from '../../helpers/x-contract-server';
import { type XHarness, xHarness } from '../../helpers/x-harness';

if (xContractMissing) console.warn(xContractMissing);
const describeX = xContractMissing ? describe.skip : describe;

describe('buildSearchQuery', () => {
  it('asks for any keyword, no reposts, nothing by or @mentioning the brand; phrases quoted', () => {
    expect(buildSearchQuery(['lumora', 'lumora router'], '15', ['lumora', 'LumoraCares'])).toBe(
      '(lumora OR "lumora router") -is:retweet -from:15 -@lumora -@LumoraCares',
    );
  });
});

describeX('X keyword listening (real twitter-api-v2 against the contract)', () => {
  let h: XHarness;

  beforeEach(async () => {
    h = await xHarness({ env: { X_SEARCH_KEYWORDS: 'lumora,lumora router' } });
  });
  afterEach(async () => {
    expect(h.server.violations).toEqual([]);
    await h.close();
  });

  it('turns a keyword-only complaint into a Slack alert and never replies to it', async () => {
    const post = h.fx.post(h.fx.user('tom'), 'my lumora router keeps dropping and support never answers, awful', 3);
    const result = await h.cycle();
    expect(result.keywords).toBe(1);
    expect(h.delivered).toEqual([expect.objectContaining({ id: post.id, mentionsBrand: false })]);
    expect(h.posted()).toHaveLength(0);
    const alert = await h.db.outboundMessage.findFirst({ where: { kind: 'slack_alert' } });
    expect(alert).toMatchObject({ status: 'sent', channel: 'slack' });
    expect(h.slack.sent).toEqual([expect.stringContaining('tom')]);
    const billed = await h.db.spendEntry.findFirst({ where: { action: 'read_search' } });
    expect(billed!.costUsd).toBe(0.005);
  });

  it('leaves posts that @mention the brand to the mentions timeline: each is handled once, and may be answered', async () => {
    const post = h.fx.post(
      h.fx.user('tom'),
      '@lumora my lumora router never arrived and nobody answers. Unacceptable!',
      3,
    );
    await h.cycle();
    expect(h.delivered.map((m) => [m.id, m.mentionsBrand])).toEqual([[post.id, true]]);
    const search = h.server.requests.find((r) => r.operationId === 'searchPostsRecent')!;
    expect(search.query.query).toContain('-@lumora');
    expect(h.posted()).toHaveLength(1);
  });

  it('searches since the newest result it handed over', async () => {
    const first = h.fx.post(h.fx.user('tom'), 'thinking about a lumora router', 3);
    await h.poll();
    await h.poll();
    const [call1, call2] = h.server.requests.filter((r) => r.operationId === 'searchPostsRecent');
    expect(call1.query.since_id).toBeUndefined();
    expect(call2.query.since_id).toBe(first.id);
  });
});
