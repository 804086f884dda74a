import { detectRequest } from '../../src/scoring/detect-request';

describe('detectRequest', () => {
  it('finds the words that ask for information or service', () => {
    expect(detectRequest('how do I replace my lost loyalty card please?', true)).toEqual({
      request: true,
      cue: 'how do i',
    });
    expect(detectRequest('help me out folks', false)).toEqual({ request: true, cue: 'help me' });
    expect(detectRequest('Could you check my order', false)).toEqual({ request: true, cue: 'could you' });
  });

  it('counts any question as asking, with no cue words', () => {
    expect(detectRequest('the hub 7 back soon?', true)).toEqual({ request: true });
  });

  it('finds nothing in a statement', () => {
    expect(detectRequest('my parcel never arrived', false)).toEqual({ request: false });
    expect(detectRequest('the pleaser shoes whichever', false)).toEqual({ request: false });
  });
});
