import { findPhrases } from '../../src/scoring/find-phrases';
import { markPraised } from '../../src/scoring/mark-praised';
import { tokenizeText } from '../../src/scoring/tokenize-text';

const kinds = (text: string) => {
  const tokens = tokenizeText(text);
  return markPraised(tokens, findPhrases(tokens)).map((h) => `${h.kind}:${h.phrase}`);
};

describe('markPraised', () => {
  it('reads what a "kudos for" or "thanks for" names as praised, up to the next comma', () => {
    expect(kinds('kudos for the new outage tracker')).toEqual(['praise:kudos', 'praised:outage']);
    expect(kinds('thanks for the quick refund')).toEqual(['praise:thanks', 'praised:refund']);
    expect(kinds('thanks for the reply, the outage is still on')).toEqual(['praise:thanks', 'complaint:outage']);
  });

  it('reads complaining about something good as a joke', () => {
    expect(kinds('I want to complain about how good the new broadband is')).toEqual([
      'praised:complain',
      'praise:good',
    ]);
    expect(kinds('raised a complaint, the agent was great')).toEqual(['complaint:raised a complaint', 'praise:great']);
  });

  it('gives praised words no weight of their own', () => {
    const tokens = tokenizeText('props for the outage map');
    expect(markPraised(tokens, findPhrases(tokens)).find((h) => h.phrase === 'outage')?.weight).toBe(0);
  });

  it('leaves complaints alone when the praise names nothing or comes before the complaint', () => {
    expect(kinds('great, another outage')).toEqual(['praise:great', 'complaint:outage']);
    expect(kinds('thanks. my parcel never arrived')).toEqual(['praise:thanks', 'complaint:never arrived']);
    expect(kinds('the complaint I raised was ignored')).toEqual(['complaint:complaint', 'complaint:ignored']);
  });
});
