import { detectTopic } from '../../src/scoring/detect-topic';
import { normalizeText } from '../../src/scoring/normalize-text';
import { tokenizeText } from '../../src/scoring/tokenize-text';

const topic = (text: string) => {
  const t = normalizeText(text);
  return detectTopic(t, tokenizeText(t));
};

describe('detectTopic', () => {
  it.each([
    ['billing', 'you charged me twice for my subscription'],
    ['billing', 'why is it £45 this month'],
    ['delivery', 'my parcel never arrived and tracking says dispatched'],
    ['delivery', 'the airline lost my luggage'],
    ['outage', 'no signal since this morning, internet down too'],
    ['account_access', "can't log in, the password reset code never comes"],
    ['product_defect', 'the app keeps crashing after the update'],
    ['staff_behaviour', 'the agent was rude and hung up on me'],
    ['other', 'hello there'],
  ])('%s: %s', (expected, text) => expect(topic(text)).toBe(expected));
});
