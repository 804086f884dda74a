import { findIntensity } from '../../src/scoring/find-intensity';

const keys = (text: string) => findIntensity(text).map((h) => h.key);

describe('findIntensity', () => {
  it('tells shouting from a few capitals and from acronyms', () => {
    expect(keys('WHY IS THIS STILL BROKEN')).toContain('int:shouting');
    expect(keys('the router is STILL BROKEN after three weeks')).toContain('int:caps');
    expect(keys('the ATM at HDFC took my card')).toEqual([]);
  });

  it('finds repeated punctuation, stretched words and profanity', () => {
    expect(keys('seriously?!?')).toContain('int:punct');
    expect(keys('sooooo slow')).toContain('int:elongated');
    expect(keys('this is shit')).toContain('int:profanity');
  });

  it('counts angry and happy emoji, at most three', () => {
    expect(findIntensity('😡😡😡😡 ok')).toContainEqual({
      key: 'int:angry_emoji',
      value: 3,
      reason: 'angry or sad emoji ×4',
    });
    expect(keys('thanks 😍')).toEqual(['int:happy_emoji']);
  });

  it('finds cheap sarcasm cues', () => {
    expect(keys('great 👏 service 👏')).toContain('sarc:cue');
    expect(keys('such "great" service')).toContain('sarc:cue');
    expect(keys('love how my parcel is lost again')).toContain('sarc:cue');
  });
});
