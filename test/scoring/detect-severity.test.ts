import { detectSeverity } from '../../src/scoring/detect-severity';

describe('detectSeverity', () => {
  it('is none for a non-complaint, whatever the words', () => {
    expect(detectSeverity('this is a scam, I am reporting you', false)).toBe('none');
  });

  it.each([
    ['none', "my parcel hasn't arrived yet"],
    ['disapproval', 'this is ridiculous, third time this week'],
    ['blame', 'you lost my parcel, your staff are incompetent'],
    ['accusation', 'this is a scam, reporting you to the regulator'],
    ['accusation', "I'm cancelling my contract and switching to another provider"],
  ])('%s: %s', (expected, text) => expect(detectSeverity(text, true)).toBe(expected));
});
