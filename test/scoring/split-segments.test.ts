import { splitSegments } from '../../src/scoring/split-segments';
import { tokenizeText } from '../../src/scoring/tokenize-text';

const parts = (text: string, atCommas = false) => {
  const tokens = tokenizeText(text);
  return splitSegments(tokens, atCommas).map(([s, e]) => tokens.slice(s, e).join(' '));
};

describe('splitSegments', () => {
  it('cuts at sentence breaks and contrast words, not at other words', () => {
    expect(parts('fixed it. but it broke again and nobody came')).toEqual([
      'fixed it',
      'it broke again and nobody came',
    ]);
    expect(parts('good phone however the battery died')).toEqual(['good phone', 'the battery died']);
  });

  it('cuts at commas only when asked', () => {
    expect(parts('props for the map, the outage was long')).toEqual(['props for the map , the outage was long']);
    expect(parts('props for the map, the outage was long', true)).toEqual(['props for the map', 'the outage was long']);
  });

  it('leaves out empty parts', () => {
    expect(parts('!!! ... ?')).toEqual([]);
    expect(parts('')).toEqual([]);
  });
});
