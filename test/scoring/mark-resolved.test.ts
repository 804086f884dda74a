import { findPhrases } from '../../src/scoring/find-phrases';
import { markResolved } from '../../src/scoring/mark-resolved';
import { tokenizeText } from '../../src/scoring/tokenize-text';

const kinds = (text: string, isQuestion = false) => {
  const tokens = tokenizeText(text);
  return markResolved(tokens, findPhrases(tokens), isQuestion)
    .filter((h) => h.kind !== 'praise')
    .map((h) => `${h.kind}:${h.phrase}`);
};

describe('markResolved', () => {
  it('reads a problem told as fixed, sorted or refunded as over', () => {
    expect(kinds('the outage this morning was fixed within the hour')).toEqual(['resolved:outage']);
    expect(kinds('my card was declined twice, all sorted now by the branch')).toEqual(['resolved:declined']);
    expect(kinds('charged twice, refunded the same day')).toEqual(['resolved:charged twice']);
  });

  it('weighs a resolved problem like reassurance: the opposite sign, half the size', () => {
    const tokens = tokenizeText('the outage was fixed');
    const [outage] = markResolved(tokens, findPhrases(tokens), false).filter((h) => h.phrase === 'outage');
    expect(outage.weight).toBeCloseTo(-1.1 * 0.5);
  });

  it('leaves wishes, negations, what follows a contrast and questions as complaints', () => {
    expect(kinds('please get the outage fixed today')).toEqual(['complaint:outage']);
    expect(kinds('the outage is still not fixed')).toContain('complaint:outage');
    expect(kinds('they said it was fixed but the app is broken again')).toEqual([
      'complaint:broken',
      'complaint:again',
    ]);
    expect(kinds('has the outage been fixed', true)).toEqual(['complaint:outage']);
    expect(kinds('waiting until the outage is fixed')).toEqual(['complaint:outage']);
  });

  it('changes nothing without a complaint phrase', () => {
    const tokens = tokenizeText('fixed it myself, thanks');
    expect(markResolved(tokens, findPhrases(tokens), false).map((h) => h.kind)).toEqual(['praise', 'praise']);
  });
});
