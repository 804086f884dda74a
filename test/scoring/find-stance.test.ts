import { findStance } from '../../src/scoring/find-stance';
import { tokenizeText } from '../../src/scoring/tokenize-text';

const stance = (text: string, hasTopic = false) => findStance(tokenizeText(text), hasTopic);
const commentary = (text: string) => stance(text).find((h) => h.key === 'stance:commentary');

describe('findStance', () => {
  it('counts words about the economy, markets, politics and news, with the first one as the reason', () => {
    expect(commentary('inflation is a disaster and the stock market is a joke')).toEqual({
      key: 'stance:commentary',
      value: -3,
      reason: 'commentary on the economy ("inflation")',
    });
    expect(commentary('the minister announced a new policy')?.value).toBe(-2);
    expect(commentary('huge sale on all phones')).toMatchObject({
      value: -0.5,
      reason: 'commentary on an offer ("sale")',
    });
  });

  it('caps the count: a long rant is no more commentary than a short one', () => {
    expect(commentary('economy economy economy economy economy')?.value).toBe(-3);
  });

  it('does not count what the writer owns', () => {
    expect(commentary('my shares were sold without asking')).toBeUndefined();
    expect(commentary('our stock portfolio page is blank')).toBeUndefined();
  });

  it('counts "I think" as an opinion, not "I was charged"', () => {
    expect(commentary('I think the app is slow')).toEqual({
      key: 'stance:commentary',
      value: -1,
      reason: 'commentary on an opinion ("i think")',
    });
    expect(commentary('I was charged twice')).toBeUndefined();
  });

  it('marks text with no I, no you and nothing a company provides as detached', () => {
    const detached = { key: 'stance:detached', value: 1, reason: 'no I, no you, nothing a company provides' };
    expect(stance('what a week for the markets')).toContainEqual(detached);
    for (const text of ['my order is late', 'you lost it', 'the website is down', 'anyone else'])
      expect({ text, detached: stance(text, text === 'anyone else').some((h) => h.key === 'stance:detached') }).toEqual(
        { text, detached: false },
      );
  });

  it('finds nothing in plain customer talk', () => {
    expect(stance('my parcel never arrived and you never replied', true)).toEqual([]);
  });
});
