import { describeWord } from '../../src/scoring/describe-word';

describe('describeWord', () => {
  it('stems a possessive as its word: "internet\'s" is the internet', () => {
    expect(describeWord("internet's").stem).toBe(describeWord('internet').stem);
    expect(describeWord("provider's").key).toBe('w:provid');
  });

  it('keeps negators and function words out of the learned words', () => {
    expect(describeWord("didn't")).toMatchObject({ negator: true });
    expect(describeWord('the')).toMatchObject({ learned: false });
    expect(describeWord('2fa')).toMatchObject({ learned: false });
    expect(describeWord('router')).toMatchObject({ learned: true, negatedKey: 'n:router' });
  });
});
