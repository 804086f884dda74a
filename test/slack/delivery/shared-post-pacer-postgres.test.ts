import { SharedPostPacer } from '../../../src/slack/delivery/shared-post-pacer';
import { postgresSuite } from '../../helpers/postgres-suite';

const pg = postgresSuite('shared Slack pacing on PostgreSQL');

pg.describe('SharedPostPacer on PostgreSQL', () => {
  it('gives two instances posting to one channel distinct slots one interval apart, other channels their own', async () => {
    const now = 1_000_000;
    const slept: number[] = [];
    const clock = { now: () => now, sleep: async (ms: number) => void slept.push(ms) };
    const a = new SharedPostPacer(pg.db(), 'postgresql', 1000, clock);
    const b = new SharedPostPacer(pg.db(), 'postgresql', 1000, clock);
    await Promise.all([a, b, a, b, a, b].map((p) => p.wait('C1')));
    expect([0, ...slept].sort((x, y) => x - y)).toEqual([0, 1000, 2000, 3000, 4000, 5000]);
    slept.length = 0;
    await b.wait('C2'); // another channel does not wait behind C1
    expect(slept).toEqual([]);
  });
});
