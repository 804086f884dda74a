import { seededPermutation } from '../../src/compose/pick-variant';

describe('seededPermutation', () => {
  it('visits every index exactly once, whatever the size and seed', () => {
    for (const n of [1, 2, 3, 7, 8, 12, 30, 216, 243, 1000]) {
      for (const seed of ['a', 'x:1', 'discord:99:fallback']) {
        const order = seededPermutation(n, seed);
        const seen = Array.from({ length: n }, (_, k) => order(k));
        expect(new Set(seen).size).toBe(n);
        expect(Math.min(...seen)).toBe(0);
        expect(Math.max(...seen)).toBe(n - 1);
      }
    }
  });

  it('is the same order for one seed and another order for other seeds', () => {
    const firsts = (seed: string) => Array.from({ length: 5 }, (_, k) => seededPermutation(216, seed)(k));
    expect(firsts('x:1')).toEqual(firsts('x:1'));
    const starts = new Set(Array.from({ length: 50 }, (_, i) => seededPermutation(216, `x:${i}`)(0)));
    expect(starts.size).toBeGreaterThan(30);
  });
});
