import { findPhrases, negatorBefore } from '../../src/scoring/find-phrases';
import { tokenizeText } from '../../src/scoring/tokenize-text';

const hits = (text: string) =>
  findPhrases(tokenizeText(text)).map((h) => `${h.kind}:${h.negator ? `${h.negator} ` : ''}${h.phrase}`);

describe('findPhrases', () => {
  it('prefers the longest phrase and counts each phrase once', () => {
    expect(hits('still waiting, still waiting')).toEqual(['complaint:still waiting']);
    expect(hits('charged me twice')).toEqual(['complaint:charged me twice']);
  });

  it('flips praise and evaluative complaint words after a negator', () => {
    expect(hits('not happy')).toEqual(['negated_praise:not happy']);
    expect(hits("didn't really help, never helpful")).toContain('negated_praise:never helpful');
    expect(hits('no real problems')).toEqual(['negated_complaint:no problems']);
  });

  it('keeps request and topic words as complaints under a negator', () => {
    expect(hits('no refund')).toEqual(['complaint:refund']);
  });

  it('does not let a negator reach past its own phrase, a conjunction or a sentence', () => {
    expect(hits('not able to resolve')).toEqual(['complaint:not able to', 'complaint:resolve']);
    expect(hits('not today but happy')).toEqual(['praise:happy']);
    expect(hits('not yet. happy')).toEqual(['praise:happy']);
    expect(negatorBefore(tokenizeText('never came and then called'), 1)).toBe('never');
    expect(negatorBefore(tokenizeText('never came and then called'), 4)).toBeUndefined();
    expect(negatorBefore(tokenizeText('it never really worked'), 3)).toBe('never');
    expect(negatorBefore(tokenizeText('never a b c worked'), 4)).toBeUndefined();
  });

  it('marks sarcasm phrases', () => {
    expect(hits('thanks for nothing')).toEqual(['sarcasm:thanks for nothing']);
  });
});
