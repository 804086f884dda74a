import {
  hashText,
  isHeldOut,
  measureClassifier,
  scoreHistogram,
  suggestThreshold,
} from '../../src/training/measure-classifier';

const s = (score: number, complaint: boolean) => ({ score, complaint });

describe('measureClassifier', () => {
  it('computes precision, recall and macro-F1 of the complaint label', () => {
    // tp 2, fp 1, fn 1, tn 4
    const scored = [
      s(0.9, true),
      s(0.6, true),
      s(0.7, false),
      s(0.2, true),
      s(0.1, false),
      s(0.3, false),
      s(0.4, false),
      s(0.0, false),
    ];
    const f = measureClassifier(scored);
    expect(f.precision).toBeCloseTo(2 / 3);
    expect(f.recall).toBeCloseTo(2 / 3);
    expect(f.f1).toBeCloseTo(2 / 3);
    expect(f.macroF1).toBeCloseTo((2 / 3 + 0.8) / 2); // not-complaint: precision 4/5, recall 4/5
    expect(f.accuracy).toBeCloseTo(6 / 8);
    expect(measureClassifier(scored, 0.65).recall).toBeCloseTo(1 / 3);
  });

  it('is zero, not NaN, with nothing said', () => {
    expect(measureClassifier([s(0.1, true)])).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('scoreHistogram and suggestThreshold', () => {
  it('counts scores per tenth, 1 in the last bin', () => {
    expect(scoreHistogram([0, 0.05, 0.15, 0.99, 1])).toEqual([2, 1, 0, 0, 0, 0, 0, 0, 0, 2]);
  });

  it('suggests the threshold that separates best', () => {
    expect(suggestThreshold([s(0.3, true), s(0.35, true), s(0.2, false), s(0.1, false)])).toBe(0.25);
    expect(suggestThreshold([s(0.9, true), s(0.1, false)])).toBe(0.5);
  });
});

describe('isHeldOut', () => {
  it('is deterministic and seals about 30%', () => {
    const texts = Array.from({ length: 5000 }, (_, i) => `text number ${i}`);
    expect(texts.map(isHeldOut)).toEqual(texts.map(isHeldOut));
    const share = texts.filter(isHeldOut).length / texts.length;
    expect(share).toBeGreaterThan(0.27);
    expect(share).toBeLessThan(0.33);
    expect(hashText('abc')).toBe(hashText('abc'));
    expect(hashText('abc')).not.toBe(hashText('abd'));
  });
});
