import { fitLogistic } from '../../src/training/fit-logistic';

const ex = (keys: string[], complaint: boolean, weight = 1) => ({
  features: keys.map((key) => ({ key, value: 1, reason: key })),
  complaint,
  weight,
});
const options = { l2Words: 1e-3, l2General: 1e-3, iterations: 300 };

describe('fitLogistic', () => {
  const data = [
    ...Array.from({ length: 20 }, () => ex(['w:broken', 'w:phone'], true)),
    ...Array.from({ length: 20 }, () => ex(['w:love', 'w:phone'], false)),
  ];

  it('learns which words mark each class, and leaves shared words near zero', () => {
    const { weights } = fitLogistic(data, options);
    expect(weights['w:broken']).toBeGreaterThan(1);
    expect(weights['w:love']).toBeLessThan(-1);
    expect(Math.abs(weights['w:phone'])).toBeLessThan(Math.abs(weights['w:broken']) / 2);
  });

  it('is deterministic', () => {
    expect(fitLogistic(data, options)).toEqual(fitLogistic(data, options));
  });

  it('keeps bounded weights inside their bounds', () => {
    const { weights } = fitLogistic(data, {
      ...options,
      bounds: { 'w:broken': [-Infinity, 0], 'w:love': [-Infinity, -3] },
    });
    expect(weights['w:broken']).toBe(0);
    expect(weights['w:love']).toBeLessThanOrEqual(-3);
  });

  it('gives heavier examples more say', () => {
    const tie = [ex(['w:meh'], true, 3), ex(['w:meh'], false, 1)];
    const { bias, weights } = fitLogistic(tie, options);
    expect(bias + weights['w:meh']).toBeGreaterThan(0.5);
  });
});
