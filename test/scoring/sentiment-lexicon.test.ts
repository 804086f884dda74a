import { sentimentOf } from '../../src/scoring/sentiment-lexicon';

describe('sentimentOf', () => {
  it('rates words by AFINN-165', () => {
    expect(sentimentOf('terrible')).toBeLessThan(0);
    expect(sentimentOf('excellent')).toBeGreaterThan(0);
    expect(sentimentOf('router')).toBe(0);
  });

  it('does not rate names of platforms and companies that AFINN takes for words', () => {
    for (const name of ['discord', 'united', 'spirit', 'ally'])
      expect({ name, polarity: sentimentOf(name) }).toEqual({ name, polarity: 0 });
  });
});
