import { MENTIONS_CURSOR } from '../../../adapters/x/poll-mentions';
import { readCursor } from '../../../src/store/cursor-position';
import { tooManyRequests } from '../../helpers/fake-x';
import { xContractMissing } from '../../helpers/x-contract-server';
import { type XHarness, xHarness } from '../../helpers/x-harness';

if (xContractMissing) console.warn(xContractMissing);
const describeX = xContractMissing ? describe.skip : describe;

describeX('X mentions timeline (real twitter-api-v2 against the contract)', () => {
  let h: XHarness;
  const mentionCalls = () => h.server.requests.filter((r) => r.operationId === 'getUsersMentions');

  beforeEach(async () => {
    h = await xHarness();
  });
  afterEach(async () => {
    expect(h.server.violations).toEqual([]);
    await h.close();
  });

  it('reads mentions with author expansions, then polls with since_id and gets only the new ones', async () => {
    const maria = h.fx.user('maria_kettle', 'Maria Kettle');
    const first = h.fx.post(maria, '@lumora my router never arrived & nobody answers', 5);
    await h.poll();
    expect(h.delivered).toEqual([
      expect.objectContaining({
        channel: 'x',
        id: first.id,
        text: '@lumora my router never arrived & nobody answers',
        mentionsBrand: true,
        author: { id: maria.id, handle: 'maria_kettle', name: 'Maria Kettle' },
        url: `https://x.com/maria_kettle/status/${first.id}`,
      }),
    ]);

    const second = h.fx.post(maria, '@lumora day three, still nothing', 0);
    h.delivered.length = 0;
    await h.poll();
    const [call1, call2] = mentionCalls();
    expect(call1.query.since_id).toBeUndefined();
    expect(call1.query.expansions).toBe('author_id');
    expect(call2.query.since_id).toBe(first.id);
    expect(h.delivered.map((m) => m.id)).toEqual([second.id]);
    expect(await readCursor(h.db, MENTIONS_CURSOR)).toBe(second.id);
  });

  it('after downtime, pages back up to the backfill age and hands the mentions over oldest first', async () => {
    const people = Array.from({ length: 5 }, (_, i) => h.fx.user(`customer${i}`));
    const tooOld = h.fx.post(people[0], '@lumora hello from yesterday morning', 26 * 60);
    // 230 mentions over the last 23 hours: three pages of at most 100.
    const recent = Array.from({ length: 230 }, (_, i) =>
      h.fx.post(people[i % 5], `@lumora hello number ${i}`, (230 - i) * 6),
    );
    await h.poll();

    const calls = mentionCalls();
    expect(calls).toHaveLength(3);
    expect(calls[0].query.pagination_token).toBeUndefined();
    expect(calls[1].query.pagination_token).toBeDefined();
    expect(new Date(calls[0].query.start_time).getTime()).toBe(
      Math.floor((h.time.now().getTime() - 24 * 3_600_000) / 1000) * 1000,
    );
    expect(h.delivered.map((m) => m.id)).toEqual(recent.map((p) => p.id)); // oldest first, nothing older than 24 h
    expect(h.delivered.map((m) => m.id)).not.toContain(tooOld.id);
    expect(await readCursor(h.db, MENTIONS_CURSOR)).toBe(recent[recent.length - 1].id);
    const spent = await h.db.spendEntry.aggregate({ where: { action: 'read_mentions' }, _sum: { costUsd: true } });
    expect(spent._sum.costUsd).toBeCloseTo(230 * 0.001, 6);
  });

  it('on a 429 mid-backfill waits until x-rate-limit-reset, then asks for the same page once more (no spinning)', async () => {
    const ana = h.fx.user('ana');
    const posts = Array.from({ length: 150 }, (_, i) => h.fx.post(ana, `@lumora question ${i}`, 150 - i));
    const resetAt = new Date(h.time.now().getTime() + 900_000);
    h.fx.failNext('getUsersMentions', tooManyRequests(resetAt), { afterCalls: 1 });
    await h.poll();

    const calls = mentionCalls();
    expect(calls).toHaveLength(3); // page 1, the refused page 2, page 2 again
    expect(calls[2].query.pagination_token).toBe(calls[1].query.pagination_token);
    expect(h.time.waits).toHaveLength(1);
    expect(h.time.waits[0]).toBeGreaterThanOrEqual(899_000);
    expect(h.time.waits[0]).toBeLessThanOrEqual(900_000);
    expect(h.delivered).toHaveLength(150);
    expect(h.delivered[149].id).toBe(posts[149].id);
    expect(h.logs.join('\n')).toMatch(/X rate limit used up on GET \/2\/users\/:id\/mentions; waiting for the reset/);
  });

  it('keeps the cursor where it was when the pipeline fails, so the next poll reads the same mentions again', async () => {
    const ana = h.fx.user('ana');
    const post = h.fx.post(ana, '@lumora is anyone there?', 2);
    await h.adapter.pollOnce(async () => {
      throw new Error('database went away');
    });
    expect(await readCursor(h.db, MENTIONS_CURSOR)).toBeUndefined();
    expect(h.logs.join('\n')).toMatch(/X mentions poll failed/);
    await h.poll();
    expect(h.delivered.map((m) => m.id)).toEqual([post.id]);
    expect(mentionCalls()[1].query.since_id).toBeUndefined();
  });
});
