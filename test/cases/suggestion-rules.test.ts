import { compareIdentities, nameKey } from '../../src/cases/compare-identities';
import { extractContactClues } from '../../src/cases/extract-contact-clues';
import { findCaseReferences } from '../../src/cases/find-case-references';

describe('the rules behind "possibly the same person"', () => {
  const x = { channel: 'x', handle: 'maria_k', name: 'María K.' };

  it('same display name (ignoring case, accents, punctuation) and a similar handle on another channel', () => {
    expect(nameKey('María K.')).toBe(nameKey('maria k'));
    expect(compareIdentities(x, { channel: 'discord', handle: 'maria.k', name: 'Maria K' })).toContain(
      'same display name',
    );
    expect(compareIdentities(x, { channel: 'discord', handle: 'mariak_1990', name: 'maria k' })).not.toBeNull();
    expect(compareIdentities(x, { channel: 'discord', handle: 'marla_k', name: 'Maria K' })).not.toBeNull();
  });

  it('never on the same channel, nor on a name alone, nor on a handle alone', () => {
    expect(compareIdentities(x, { channel: 'x', handle: 'maria.k', name: 'Maria K' })).toBeNull();
    expect(compareIdentities(x, { channel: 'discord', handle: 'gamer_zed', name: 'Maria K' })).toBeNull();
    expect(compareIdentities(x, { channel: 'discord', handle: 'maria_k', name: 'Zed' })).toBeNull();
    expect(
      compareIdentities({ channel: 'x', handle: 'ab', name: 'Al' }, { channel: 'discord', handle: 'ab', name: 'Al' }),
    ).toBeNull();
  });

  it('finds e-mail addresses and order numbers, normalised, and not counts or prices', () => {
    expect(extractContactClues('mail me at Maria.K@Example.com. Order #AB-12345, order no. 4471923')).toEqual([
      { kind: 'email', value: 'maria.k@example.com' },
      { kind: 'order', value: 'AB-12345' },
      { kind: 'order', value: '4471923' },
    ]);
    expect(extractContactClues('I ordered 2 and paid 30 quid, order again? order status')).toEqual([]);
  });

  it('reads case references as the acknowledgement gives them, not Discord channel links or entities', () => {
    expect(findCaseReferences('Ref #144, and again (#144) and #7')).toEqual([144, 7]);
    expect(findCaseReferences('see <#1200000000000000002> and &#39; and #1234567890123')).toEqual([]);
    expect(findCaseReferences('issue#12 is not one')).toEqual([]);
  });
});
