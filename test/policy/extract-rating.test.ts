import { extractRating } from '../../src/policy/extract-rating';

describe('extractRating', () => {
  it.each([
    ['5', 5],
    ['@lumora 4/5 thanks', 4],
    ['3 out of 5, slow', 3],
    ['2 stars', 2],
    ['⭐⭐⭐⭐', 4],
    ['5!', 5],
    ['1 - never again', 1],
  ])('reads %p as %p', (text, rating) => expect(extractRating(text)).toBe(rating));

  it.each(['thanks, all good', '10/10', 'I waited 5 days', 'my order 45123', '0/5', '6 stars'])(
    'finds no rating in %p',
    (text) => {
      expect(extractRating(text)).toBeUndefined();
    },
  );
});
