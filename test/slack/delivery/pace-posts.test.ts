import { PostPacer } from '../../../src/slack/delivery/pace-posts';

describe('PostPacer', () => {
  it('spaces posts to one channel by the interval, each channel on its own', async () => {
    let now = 1_000;
    const slept: number[] = [];
    const pacer = new PostPacer(1000, { now: () => now, sleep: async (ms) => void slept.push(ms) });
    await pacer.wait('C1');
    await pacer.wait('C1');
    await pacer.wait('C1');
    await pacer.wait('D2');
    expect(slept).toEqual([1000, 2000]);
    now += 5_000;
    await pacer.wait('C1');
    expect(slept).toEqual([1000, 2000]);
  });

  it('reports each wait it imposes, and only those (mention_desk_pacing_wait_seconds)', async () => {
    const now = 1_000;
    const waits: number[] = [];
    const pacer = new PostPacer(1000, { now: () => now, sleep: async () => undefined }, (ms) => waits.push(ms));
    await pacer.wait('C1');
    await pacer.wait('C1');
    await pacer.wait('D2');
    await pacer.wait('C1');
    expect(waits).toEqual([1000, 2000]);
  });
});
