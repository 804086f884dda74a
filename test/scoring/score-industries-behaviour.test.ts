import { scoreComplaint } from '../../src/scoring/score-complaint';

// Hand-written cases from many industries that the shipped model must get right: complaints, requests
// for information or service (not complaints: a person answers them), and questions that report a
// problem (complaints). They pin the outcome, not exact scores, so retraining may move the numbers.
const kind = (text: string) => scoreComplaint(text).kind;
const reasons = (text: string) =>
  scoreComplaint(text)
    .reasons.map((r) => r.signal)
    .join(' | ');

const COMPLAINTS: Array<[string, string]> = [
  ['airline', '@united my flight was delayed 4 hours and nobody told us anything'],
  ['airline', '@BritishAirways you lost my luggage on the way to Rome and nobody answers the phone'],
  ['retail stock', 'the app keeps saying out of stock for the hub 7, why?'],
  ['retail stock', '@amazon the item I ordered is out of stock again, third time this month'],
  ['telecom', '@verizon no signal since this morning and the outage map says everything is fine'],
  ['telecom', 'why has my bill gone up?'],
  ['food delivery', 'my pizza arrived cold and an hour late @dominos'],
  ['food delivery', '@ubereats the order never arrived and I was still charged'],
  ['software', '@Microsoft Teams keeps crashing every time I share my screen'],
  ['software', "since the update the app won't load on my phone, useless"],
  ['cars', '@Ford my new focus has been in the shop 3 times for the same transmission problem'],
  ['cars', 'the dealership charged me twice for the same service, still no refund'],
  ['apparel', 'the jacket I ordered came in the wrong size and the return label does not work'],
  ['services', 'waited on hold for an hour and then they hung up on me'],
];

const REQUESTS: Array<[string, string]> = [
  ['retail', 'how do I replace my lost loyalty card please?'],
  ['any', 'help me out folks'],
  ['electronics', 'does the router come with a spare cable? I know the old one had one'],
  ['retail stock', 'when will the blue hoodie be back in stock?'],
  ['telecom', '@verizon what are your store hours on sunday?'],
  ['delivery', 'can you DM me the tracking number please'],
  ['airline', 'can I bring a guitar as carry on?'],
  ['software', 'is there a way to export my playlists to a file?'],
  ['cars', 'how often should the new model be serviced?'],
  ['food', 'do you deliver to Leith on Sundays?'],
];

describe('scoreComplaint across industries', () => {
  it.each(COMPLAINTS)('reads a %s complaint as a complaint: %s', (_, text) => {
    expect(scoreComplaint(text)).toMatchObject({ complaint: true, kind: 'complaint' });
  });

  it.each(REQUESTS)('reads a %s request as a request, not a complaint: %s', (_, text) => {
    expect(scoreComplaint(text)).toMatchObject({ complaint: false, kind: 'request' });
  });

  it('keeps praise and chatter as other', () => {
    expect(kind('@united thanks for the upgrade, crew was lovely')).toBe('other');
    expect(kind('just bought the new galaxy, loving it so far')).toBe('other');
    expect(kind('stocks are falling, the market is a disaster')).toBe('other');
  });

  it('reads "out of stock" as a retail let-down, not market talk', () => {
    expect(reasons('the app keeps saying out of stock for the hub 7, why?')).toMatch(/complaint "out of stock"/);
    expect(reasons('the app keeps saying out of stock for the hub 7, why?')).not.toMatch(/markets/);
  });

  it('never adds to a complaint for asking a question as such', () => {
    const asked = scoreComplaint('does the router come with a spare cable?');
    expect(asked.reasons.filter((r) => /asks/.test(r.signal)).every((r) => r.weight <= 0)).toBe(true);
    expect(scoreComplaint('why has my bill gone up?').score).toBeGreaterThan(
      scoreComplaint('has my bill gone up?').score,
    );
  });

  it('names the words that ask', () => {
    expect(reasons('does the router come with a spare cable?')).toMatch(
      /asks "does the", with nothing wrong \(a request\)/,
    );
  });

  it('a request that reports a problem is a complaint', () => {
    expect(kind('can you help, my card was charged twice and the money is not refunded')).toBe('complaint');
    expect(kind('please fix this, the app keeps crashing')).toBe('complaint');
  });

  it('marks a text in another language as other', () => {
    expect(scoreComplaint("mon colis n'est toujours pas arrivé, c'est inadmissible")).toMatchObject({
      kind: 'other',
      language: 'fr',
    });
  });
});
