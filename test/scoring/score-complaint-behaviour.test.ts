import { toComplaintModel } from '../../src/scoring/complaint-model';
import { MAX_SCORED_CHARS, scoreComplaint } from '../../src/scoring/score-complaint';
import { formatReason } from '../../src/scoring/score-types';

// Hand-written cases the shipped model (models/complaint-model.json) must get right. They pin
// behaviour (complaint or not, which reason), not exact scores, so retraining may move the numbers.
const score = (text: string) => scoreComplaint(text);
const reasons = (text: string) =>
  score(text)
    .reasons.map((r) => r.signal)
    .join(' | ');

describe('scoreComplaint: negation', () => {
  it('reads negated praise as a complaint', () => {
    expect(score('not happy with the service')).toMatchObject({ complaint: true });
    expect(reasons('not happy with the service')).toMatch(/negated praise "not … happy"/);
    expect(score('not happy with my bill').score).toBeGreaterThan(score('happy with my bill').score);
  });

  it('keeps phrases that start with a negator as written', () => {
    expect(score('my parcel never arrived')).toMatchObject({ complaint: true });
    expect(reasons('my parcel never arrived')).toMatch(/never arrived/);
    expect(reasons("my parcel hasn't arrived yet")).toMatch(/hasn't arrived/);
  });

  it('reads a negated problem as reassurance', () => {
    expect(score('I have no problems with it')).toMatchObject({ complaint: false });
    expect(score('I have never had a problem with it')).toMatchObject({ complaint: false });
    expect(reasons('I have never had a problem with it')).toMatch(/negated complaint "never … problem"/);
    expect(score('two years with you and zero outages')).toMatchObject({ complaint: false });
    expect(reasons('two years with you and zero outages')).toMatch(/negated complaint "zero … outages"/);
  });
});

describe('scoreComplaint: sarcasm, praise, questions', () => {
  it('sees through cheap sarcasm', () => {
    for (const text of [
      'thanks for nothing, my bag is lost again',
      'Oh great, another outage. Just what I needed on a Monday.',
      'great 👏 service 👏 as always',
      'love how my order is three weeks late',
    ]) {
      expect({ text, complaint: score(text).complaint }).toEqual({ text, complaint: true });
      expect(reasons(text)).toMatch(/sarcas/);
    }
  });

  it('does not flag praise, even with a complaint word in it', () => {
    for (const text of [
      'love the new app, thanks!',
      'the support team fixed my broken router in ten minutes, amazing service',
      'no problems at all, delivery was quick',
      'Thank you so much, refund received!',
    ]) {
      expect({ text, complaint: score(text).complaint }).toEqual({ text, complaint: false });
    }
    // The problem is told as over, so it counts for the praise.
    expect(reasons('the support team fixed my broken router in ten minutes, amazing service')).toMatch(
      /resolved "broken"/,
    );
  });

  it('tells a how-to question from a complaint asked as a question', () => {
    const howTo = score('how do I port my number over to you?');
    expect(howTo).toMatchObject({ isQuestion: true, complaint: false });
    expect(howTo.reasons.map((r) => r.signal)).toContain('asks how to (a request for help)');
    expect(score('why has my bill gone up £6 this month?? nobody told me')).toMatchObject({
      isQuestion: true,
      complaint: true,
      topic: 'billing',
    });
  });
});

describe('scoreComplaint: praise and jokes that use complaint words', () => {
  it.each([
    ['a problem told as fixed', 'the outage this morning was sorted within the hour, good work', /resolved "outage"/],
    ['what praise names', 'kudos for the new outage tracker on the website', /praise "kudos"/],
    [
      'the company cleared of fault',
      'my cat unplugged the router again, not your fault, carry on',
      /negated complaint "not … your fault"/,
    ],
    ['complaining about something good', 'I want to complain about how good the new app is', /praise "good"/],
    ['an earworm', 'your advert jingle has been stuck in my head all week', /praise "stuck in my head"/],
    ['delight', "didn't know you had a podcast!", /exclaims, with nothing wrong/],
  ])('%s: %s', (_kind, text, reason) => {
    expect(score(text).complaint).toBe(false);
    expect(reasons(text)).toMatch(reason);
  });

  it('still flags the same words when they complain', () => {
    for (const text of [
      "the outage still isn't fixed, third day now",
      'please get the outage fixed, I work from home',
      'thanks for nothing, the outage is back',
      'I want to complain about the engineer who never showed up',
    ]) {
      expect({ text, complaint: score(text).complaint }).toEqual({ text, complaint: true });
    }
  });

  it('flags damage, devices that die and accounts that cannot be reached', () => {
    for (const text of [
      'the parcel arrived crushed and the screen is cracked',
      'my new laptop dies whenever I unplug it',
      "can't get in to my account since the update",
    ]) {
      expect({ text, complaint: score(text).complaint }).toEqual({ text, complaint: true });
    }
  });
});

describe('scoreComplaint: commentary about the world is not a complaint', () => {
  it('does not flag negative talk about the economy, markets or politics', () => {
    for (const text of [
      'Inflation is a disaster and the stock market is a joke',
      "the government's new policy is a total failure",
      'Bitcoin is a failure, sell everything',
    ]) {
      expect({ text, complaint: score(text).complaint }).toEqual({ text, complaint: false });
    }
    expect(reasons('Inflation is a disaster and the stock market is a joke')).toMatch(
      /commentary on the economy \("inflation"\)/,
    );
  });

  it('still flags a customer who mentions those things', () => {
    for (const text of [
      'my shares were sold without my permission and nobody replies',
      'the app crashes every time I open the markets tab',
      'I think you charged me twice',
      'you charged me full price, the discount was never applied',
    ]) {
      expect({ text, complaint: score(text).complaint }).toEqual({ text, complaint: true });
    }
  });
});

describe('scoreComplaint: across industries', () => {
  it.each([
    ['airline', 'Our flight was cancelled and nobody offered a hotel'],
    ['telecom', 'no signal since Monday'],
    ['software', 'app keeps crashing since the update'],
    ['retail', 'wrong item delivered and no refund yet'],
    ['food', 'The burger was cold and the fries were soggy'],
    ['banking', 'money deducted but not credited to my account'],
  ])('%s: %s', (_industry, text) => {
    expect(score(text).complaint).toBe(true);
  });
});

describe('scoreComplaint: intensity', () => {
  it('counts shouting, profanity and repeated punctuation', () => {
    expect(score('WHY IS MY INTERNET DOWN AGAIN').score).toBeGreaterThan(score('why is my internet down again').score);
    expect(reasons('WHY IS MY INTERNET DOWN AGAIN')).toMatch(/shouting/);
    expect(score('the app is fucking broken!!!').score).toBeGreaterThan(score('the app is broken').score);
    expect(reasons('the app is fucking broken!!!')).toMatch(
      /profanity.*repeated punctuation|repeated punctuation.*profanity/,
    );
  });
});

describe('scoreComplaint: odd and hostile input', () => {
  it('scores empty and markup-only text as nothing', () => {
    for (const text of ['', '   ', '\u0000<!channel>', 'https://example.com <@U123>']) {
      expect(score(text)).toMatchObject({
        score: 0,
        complaint: false,
        reasons: [{ signal: 'nothing to score', weight: 0 }],
      });
    }
  });

  it('reads emoji-only text by its emoji', () => {
    expect(score('😡😡😡')).toMatchObject({ language: 'und' });
    expect(reasons('😡😡😡')).toMatch(/angry or sad emoji ×3/);
    expect(score('😍😍😍')).toMatchObject({ complaint: false });
    expect(score('😡😡😡').score).toBeGreaterThan(score('😍😍😍').score);
  });

  it('is not fooled by zero-width characters, control characters or markup', () => {
    expect(reasons('ne\u200Bver arri\u00ADved')).toMatch(/never arrived/);
    const hostile =
      '<!channel> @everyone <script>alert(1)</script>\u0000\u202E <@U0123|boss> my parcel never arrived &amp; nobody answers';
    const s = score(hostile);
    expect(s.complaint).toBe(true);
    for (const r of s.reasons) expect(formatReason(r)).toMatch(/^[+-]\d+\.\d\d [^<>@&\u0000-\u001f\u202a-\u202e]*$/);
  });

  it('reads only the first MAX_SCORED_CHARS of a huge text', () => {
    const huge = `my parcel never arrived. ${'a'.repeat(1_000_000)}`;
    expect(score(huge).complaint).toBe(true);
    expect(reasons(`${'blah '.repeat(MAX_SCORED_CHARS)}never arrived`)).not.toMatch(/never arrived/);
  });
});

describe('scoreComplaint: reasons, threshold, language, model', () => {
  it('gives at most eight readable reasons, strongest first', () => {
    const s = score(
      '@airline flight delayed 5 hours, no one at the desk, lost my bag, rude staff, worst airline ever!!! 😡',
    );
    expect(s.reasons.length).toBeGreaterThan(3);
    expect(s.reasons.length).toBeLessThanOrEqual(8);
    const sizes = s.reasons.map((r) => Math.abs(r.weight));
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
    expect(s.reasons.every((r) => Math.abs(r.weight) >= 0.05)).toBe(true);
  });

  it('applies the threshold it is given', () => {
    const text = 'bit disappointed the speed dropped';
    const at = (threshold: number) => scoreComplaint(text, { threshold }).complaint;
    expect([at(0.05), at(0.99)]).toEqual([true, false]);
  });

  it('marks other languages and does not score them', () => {
    expect(score('meu pedido não chegou ainda, já faz duas semanas')).toMatchObject({
      language: 'pt',
      score: 0,
      complaint: false,
      reasons: [{ signal: 'language pt: not scored' }],
    });
  });

  it('uses the model it is given', () => {
    const model = toComplaintModel({ version: 1, bias: -5, weights: { 'w:zorblax': 10 } });
    expect(scoreComplaint('my zorblax', { model }).complaint).toBe(true);
    expect(scoreComplaint('my parcel never arrived', { model }).complaint).toBe(false);
    expect(scoreComplaint('my zorblax', { model }).reasons).toEqual([{ signal: 'word "zorblax"', weight: 10 }]);
  });
});
