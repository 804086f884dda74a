import { buildGapQuery, detectTimelineGap } from '../../../adapters/x/fill-timeline-gap';
import type { XPost } from '../../../adapters/x/map-post';
import { MENTIONS_CURSOR } from '../../../adapters/x/poll-mentions';
import { idAt } from '../../../adapters/x/x-ids';
import { readCursor, saveCursor } from '../../../src/store/cursor-position';
import { CLIENT_NOT_ENROLLED, MENTIONS_DEPTH, SERVER_ERROR } from '../../helpers/fake-x';
import { xContractMissing } from '../../helpers/x-contract-server';
import { type XHarness, xHarness } from '../../helpers/x-harness';

if (xContractMissing) console.warn(xContractMissing);
const describeX = xContractMissing ? describe.skip : describe;

const at = (minutesAgo: number) => idAt(new Date(Date.UTC(2026, 0, 1, 12) - minutesAgo * 60_000));
const posts = (n: number, everyMinutes: number): XPost[] =>
  Array.from({ length: n }, (_, i) => ({
    id: at((n - i) * everyMinutes),
    text: '@lumora hi',
    edit_history_tweet_ids: [],
  }));

describe('detectTimelineGap', () => {
  it('sees a gap only when a read about as deep as the timeline still ends above the cursor', () => {
    const served = posts(800, 0.1); // 80 minutes, ten a minute
    const gap = detectTimelineGap(served, at(100), false);
    expect(gap).toMatchObject({ sinceId: at(100), untilId: served[0].id });
    // 20 minutes between the cursor and the oldest served post, at ten a minute.
    expect(gap!.estimatedMissed).toBeGreaterThanOrEqual(195);
    expect(gap!.estimatedMissed).toBeLessThanOrEqual(205);
    expect(detectTimelineGap(served.slice(0, 500), at(100), false)).toBeNull(); // reached the cursor
    expect(detectTimelineGap(served, undefined, false)).toBeNull(); // first read: nothing to be behind
    expect(detectTimelineGap(served, at(100), true)).toBeNull(); // stopped by the page bound, not the floor
  });

  it('asks search for posts that @mention any brand handle, no reposts, nothing by the brand', () => {
    expect(buildGapQuery(['lumora', 'LumoraCares'], '15')).toBe('(@lumora OR @LumoraCares) -is:retweet -from:15');
  });
});

describeX('X mentions timeline gaps (real twitter-api-v2 against the contract)', () => {
  let h: XHarness;
  const searches = () => h.server.requests.filter((r) => r.operationId === 'searchPostsRecent');
  const notices = async () => (await h.outbound()).filter((r) => r.kind === 'slack_notice');

  /** A first mention read (the cursor), then `n` more than the 800-deep timeline keeps. */
  async function outage(n = 1_000) {
    const people = Array.from({ length: 10 }, (_, i) => h.fx.user(`fan${i}`));
    const before = h.fx.post(people[0], '@lumora good morning', 100.05);
    await h.poll();
    expect(await readCursor(h.db, MENTIONS_CURSOR)).toBe(before.id);
    h.delivered.length = 0;
    const during = Array.from({ length: n }, (_, i) =>
      h.fx.post(people[i % 10], `@lumora is the service down? number ${i}`, (n - i) * 0.1),
    );
    return { before, during };
  }

  afterEach(async () => {
    expect(h.server.violations).toEqual([]);
    await h.close();
  });

  it('fills a gap behind the 800 newest mentions from recent search, oldest first, and logs it', async () => {
    h = await xHarness();
    const { before, during } = await outage();
    await h.poll();

    expect(h.delivered.map((m) => m.id)).toEqual(during.map((p) => p.id));
    const [search] = searches();
    expect(search.query).toMatchObject({ since_id: before.id, until_id: during[1_000 - MENTIONS_DEPTH].id });
    expect(search.query.query).toBe('(@lumora OR @LumoraCares) -is:retweet -from:1500000000000000001');
    expect(searches()).toHaveLength(2); // 200 posts, 100 a page
    expect(await readCursor(h.db, MENTIONS_CURSOR)).toBe(during[999].id);
    expect(h.logs.join('\n')).toMatch(/X mentions timeline gap: 200 mentions older than the timeline's 800 read/);
    expect(await notices()).toEqual([]);
  });

  it('without search access reports the gap once: a warning with the estimate and one Slack notice', async () => {
    h = await xHarness();
    const { before, during } = await outage();
    h.fx.failNext('searchPostsRecent', CLIENT_NOT_ENROLLED);
    await h.poll();

    expect(h.delivered.map((m) => m.id)).toEqual(during.slice(200).map((p) => p.id));
    const warning = h.logs.find((l) => /X mentions timeline gap/.test(l));
    expect(JSON.parse(warning!)).toMatchObject({ level: 40, sinceId: before.id });
    const estimate = JSON.parse(warning!).estimatedMissed;
    expect(estimate).toBeGreaterThanOrEqual(190);
    expect(estimate).toBeLessThanOrEqual(210);
    const [notice] = await notices();
    expect(notice).toMatchObject({ idempotencyKey: `x:gap:${before.id}`, channel: 'slack', status: 'pending' });
    expect(JSON.parse(notice.target)).toMatchObject({ notice: 'x_gap' });
    expect(JSON.parse(notice.target).detail).toMatch(new RegExp(`about ${estimate} mentions .*may have been missed`));

    // A crash before the cursor moved: the same gap is seen again. Search is not asked again (the account
    // has none), and the team is not told twice.
    await saveCursor(h.db, MENTIONS_CURSOR, before.id);
    h.delivered.length = 0;
    await h.poll();
    expect(h.delivered).toHaveLength(MENTIONS_DEPTH);
    expect(searches()).toHaveLength(1);
    expect(await notices()).toHaveLength(1);
  });

  it('keeps the cursor before the gap while search fails for a moment, then fills it', async () => {
    h = await xHarness();
    const { before, during } = await outage();
    h.fx.failNext('searchPostsRecent', SERVER_ERROR);
    await h.poll();
    expect(h.delivered).toEqual([]);
    expect(await readCursor(h.db, MENTIONS_CURSOR)).toBe(before.id);
    expect(h.logs.join('\n')).toMatch(/X mentions poll failed.*gap and recent search failed/);

    await h.poll();
    expect(h.delivered.map((m) => m.id)).toEqual(during.map((p) => p.id));
    expect(await notices()).toEqual([]);
  });

  it('does not search after an ordinary catch-up that reached the cursor', async () => {
    h = await xHarness();
    const { during } = await outage(300);
    await h.poll();
    expect(h.delivered.map((m) => m.id)).toEqual(during.map((p) => p.id));
    expect(searches()).toEqual([]);
  });
});
