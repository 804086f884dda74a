import { RecentTexts } from '../../src/compose/recent-texts';

describe('RecentTexts', () => {
  it('forgets texts once the window has passed, and drops them instead of keeping them forever', () => {
    let now = 0;
    const recent = new RecentTexts(100, () => now);
    for (let i = 0; i < 50; i++) recent.add(`h${i}`);
    expect(recent.has('h0')).toBe(true);
    now = 150;
    recent.add('fresh');
    expect(recent.size).toBe(1);
    expect(recent.has('h0')).toBe(false);
    expect(recent.has('fresh')).toBe(true);
  });

  it('lists used combinations least recently used first, a reuse moving one to the end', () => {
    let now = 0;
    const recent = new RecentTexts(1000, () => now);
    for (const combo of [3, 1, 2]) {
      now += 1;
      recent.useCombo('g', combo);
    }
    now += 1;
    recent.useCombo('g', 3);
    expect([...recent.usedCombos('g').keys()]).toEqual([1, 2, 3]);
    expect([...recent.usedCombos('other').keys()]).toEqual([]);
    now = 1002.5; // combination 1 (used at 2) is out of the window, 2 (at 3) and 3 (at 4) are not
    expect([...recent.usedCombos('g').keys()]).toEqual([2, 3]);
  });
});
