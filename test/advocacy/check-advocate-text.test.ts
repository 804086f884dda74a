import path from 'node:path';
import type { AdvocateRuleName } from '../../src/advocacy/advocate-rules';
import { checkAdvocateText } from '../../src/advocacy/check-advocate-text';
import { loadAdvocateRules, parseAdvocateRules } from '../../src/advocacy/load-advocate-rules';

const rules = loadAdvocateRules(path.join(__dirname, '../../prompts'));

/** Replies already sent on other cases: the copy rule compares with these. */
const EARLIER = [
  'Hi Maria, so sorry your router has not arrived yet. Could you DM us your details so we can chase the courier today?',
  'Sorry about the wait on the phone line, we know it is frustrating. Send us a DM and we will look into it.',
];

/**
 * Hand-written replies an employee might post, each with the rules that should flag it (none: it must
 * pass). Written from what care teams see: the polite ones are the wording the brand wants.
 */
const CASES: Array<[string, AdvocateRuleName[]]> = [
  // Polite: acknowledge, apologise for the experience, help, move to private.
  ["Hi Sam, I'm so sorry this has been such a hassle. Could you DM us so we can look into it?", []],
  ['Sorry to hear the app keeps logging you out! Our care team is on it, can you send them a DM?', []],
  ["That's really not the experience we want for you. I've flagged it to the team and they'll DM you.", []],
  ['Thanks for your patience, Priya. I work at Lumora and I have passed this to our care folks.', []],
  ["Oh no, that sounds frustrating. I'm on the product team: could you tell us which version you're on?", []],
  ['Sorry for the wait! The care team answers DMs 8 to 8, drop them a line and they will sort it out.', []],
  ["I'm sorry you've had to chase this. Let's get it looked at: please DM us and we'll take it from there.", []],
  ['Hey, thanks for flagging! I shared it with our delivery team so they can check what happened.', []],
  ["Really sorry about the billing confusion. The team can go through it with you privately, they're great.", []],
  ["We hear you, and we're sorry it's been a bad week with your router. A DM to our team gets it moving.", []],
  ['Sorry for the frustration! Our status page shows the outage, and the team is working on it.', []],
  ['I understand why you are upset. Would you mind sending us a DM with the details so we can help?', []],
  ['Glad you reached out. Our support team can help you set it up, just send them a message.', []],
  ['Sorry, that sounds annoying. If you DM us your order details we can check where it is.', []],
  ["Thanks for the feedback, that's useful. I've passed it on to the people who build the app.", []],
  // Agrees the brand is bad.
  ["yeah we're useless at deliveries lately, sorry", ['agrees_brand_bad']],
  ["Honestly I'd switch too if I were you", ['agrees_brand_bad']],
  ["I don't blame you for leaving, our support is a joke", ['agrees_brand_bad']],
  ['Lumora is the worst at this, I know', ['agrees_brand_bad']],
  ['Our service has been terrible, nothing I can do', ['agrees_brand_bad']],
  ['lol we suck, sorry mate', ['agrees_brand_bad']],
  // Admits liability or fault.
  ['That was our fault, the warehouse sent the wrong box', ['admits_liability']],
  ['Sorry, we messed up your order completely', ['admits_liability']],
  ["That's on us, sorry Ben", ['admits_liability']],
  ['My bad, I pushed the update that broke it', ['admits_liability']],
  ['Our courier lost your parcel, really sorry', ['admits_liability']],
  ["We're responsible for the damage to your floor", ['admits_liability']],
  // Promises compensation or outcomes.
  ["Don't worry, you'll get a refund by Friday", ['promises_outcome']],
  ["I'll make sure you get a replacement this week", ['promises_outcome']],
  ['I promise it will be sorted', ['promises_outcome']],
  ["It'll be fixed by tomorrow morning, guaranteed", ['promises_outcome', 'admits_liability']],
  ["I'll refund you myself if I have to", ['promises_outcome']],
  ['You will receive compensation for the outage', ['promises_outcome']],
  // Shares personal data.
  ['Found it: order 4839201 is stuck in the depot', ['personal_data']],
  ['I emailed jane.doe@example.com about it', ['personal_data']],
  ['Call us back on +44 20 7946 0958 and ask for Tom', ['personal_data']],
  ['The courier went to 12 Baker Street instead', ['personal_data']],
  ['Your ticket #5512093 is with the engineers', ['personal_data']],
  ['Tracking number LM-88374651 says delivered, sorry', ['personal_data']],
  // Argues with or blames the customer.
  ['You should have read the instructions before plugging it in', ['blames_customer']],
  ["That's user error, the reset button is on the back", ['blames_customer']],
  ["You're overreacting, it's a two-day delay", ['blames_customer']],
  ['Calm down, everyone gets the same update', ['blames_customer']],
  ['Did you even try turning it off and on?', ['blames_customer']],
  ["Not our problem, that's your internet provider", ['blames_customer']],
  // Copies an earlier reply (the cut-and-paste complaint).
  [
    'Hi Tom, so sorry your router has not arrived yet. Could you DM us your details so we can chase the courier today?',
    ['copies_earlier_reply'],
  ],
  [
    '@ana_k Sorry about the wait on the phone line, we know it is frustrating. Send us a DM and we will look into it.',
    ['copies_earlier_reply'],
  ],
  // Several at once.
  [
    "Yeah we're terrible, that's on us, you'll get a full refund",
    ['agrees_brand_bad', 'admits_liability', 'promises_outcome'],
  ],
];

describe('the advocate check on hand-written replies', () => {
  it.each(CASES)('%s', (text, expected) => {
    const check = checkAdvocateText(text, rules, EARLIER);
    expect(check.findings.map((f) => f.rule).sort()).toEqual([...expected].sort());
    expect(check.flagged).toBe(expected.length > 0);
    for (const f of check.findings) {
      expect(f.words.length).toBeGreaterThan(0);
      expect(f.suggestion.length).toBeGreaterThan(20);
    }
  });

  it('holds at least 40 texts, polite ones among them, and every rule has passing and failing examples', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(CASES.filter(([, e]) => e.length === 0).length).toBeGreaterThanOrEqual(15);
    for (const rule of rules) expect(CASES.some(([, e]) => e.includes(rule.name))).toBe(true);
  });

  it("names the words that triggered a rule and offers the file's wording instead", () => {
    const check = checkAdvocateText("Honestly I'd switch too, we're useless", rules);
    expect(check.findings).toEqual([
      expect.objectContaining({
        rule: 'agrees_brand_bad',
        words: expect.arrayContaining(["we're useless", "I'd switch too"]),
        suggestion: expect.stringContaining('DM us'),
      }),
    ]);
  });

  it('reads curly apostrophes as straight ones and stops reading a huge text early', () => {
    expect(checkAdvocateText('yeah we\u2019re useless', rules).flagged).toBe(true);
    const huge = `${'Sorry for the trouble. '.repeat(20_000)}that was our fault`;
    const started = process.hrtime.bigint();
    expect(checkAdvocateText(huge, rules).flagged).toBe(false);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(2000);
  });

  it('a short stock phrase is not a copy of anything', () => {
    expect(checkAdvocateText('Thanks, sorry!', rules, ['Thanks, sorry!']).flagged).toBe(false);
  });
});

describe('the rule file', () => {
  const all =
    '## agrees_brand_bad\nsuggest: x\n## admits_liability\nsuggest: x\n## promises_outcome\nsuggest: x\n## personal_data\nsuggest: x\n## blames_customer\nsuggest: x\n## copies_earlier_reply\nsuggest: x\n';
  it('refuses a broken pattern, an unknown rule, a missing rule and a stray line, saying where', () => {
    expect(() => parseAdvocateRules(`${all}## personal_data\npattern: (unclosed\n`)).toThrow(
      /personal_data: pattern \(unclosed/,
    );
    expect(() => parseAdvocateRules(`${all}## rude\nsuggest: x\n`)).toThrow(/unknown rule "## rude"/);
    expect(() => parseAdvocateRules('## agrees_brand_bad\nsuggest: x\n')).toThrow(/is missing/);
    expect(() => parseAdvocateRules(`${all}## blames_customer\nwhatever\n`)).toThrow(
      /not label:, suggest: or pattern:/,
    );
  });
  it('an edited pattern takes effect', () => {
    const edited = parseAdvocateRules(
      all.replace('## blames_customer\nsuggest: x', '## blames_customer\nsuggest: x\npattern: \\bskill issue\\b'),
    );
    expect(checkAdvocateText('Skill issue, honestly', edited).findings.map((f) => f.rule)).toEqual(['blames_customer']);
  });
});
