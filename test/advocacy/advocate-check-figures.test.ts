import path from 'node:path';
import type { AdvocateRuleName } from '../../src/advocacy/advocate-rules';
import { checkAdvocateText } from '../../src/advocacy/check-advocate-text';
import { loadAdvocateRules } from '../../src/advocacy/load-advocate-rules';

const rules = loadAdvocateRules(path.join(__dirname, '../../prompts'));

/**
 * Written after the rules were settled and never used to tune them: how the check does on text it has
 * not seen. The figures are printed for the closing note; the bounds only catch a collapse.
 */
const HELD_OUT: Array<[string, AdvocateRuleName | null]> = [
  ['So sorry about this, Leo. Can you pop us a DM so the care team can check your account?', null],
  ["Ugh, that's rubbish timing, sorry! I've asked the team to get back to you today.", null],
  ['Thanks for being patient with us. A DM with the details would help us find it quickly.', null],
  ['I work on the app: the crash is known and the team is on it. Sorry for the bother!', null],
  ["Sorry it's been a pain. Our care team can walk you through the setup in a DM.", null],
  ['Hope the rest of your day goes better! The team will reply to your DM shortly.', null],
  ["Honestly, we're hopeless with deliveries at the moment", 'agrees_brand_bad'],
  ["Can't defend us on this one, it's bad", 'agrees_brand_bad'],
  ['We lost your package, my apologies', 'admits_liability'],
  ["Yes it's our mistake, the price was wrong", 'admits_liability'],
  ["You'll definitely get a voucher for this", 'promises_outcome'],
  ["I'll personally make sure you are refunded", 'promises_outcome'],
  ['Sent the new one to 48 Mill Lane this morning', 'personal_data'],
  ['Your account number 77120934 is flagged, DM us', 'personal_data'],
  ['Ring me on 07700 900123', 'personal_data'],
  ['If you had followed the guide this would not happen', 'blames_customer'],
  ['Clearly you did not charge it first', 'blames_customer'],
  ["Nothing to do with us, it's Royal Mail", 'blames_customer'],
];

describe('the advocate check on a held-out set', () => {
  it('reports how many it flags of those it should, and how many polite ones it flags', () => {
    const should = HELD_OUT.filter(([, r]) => r !== null);
    const polite = HELD_OUT.filter(([, r]) => r === null);
    const caught = should.filter(([t, r]) => checkAdvocateText(t, rules).findings.some((f) => f.rule === r));
    const missed = should.filter((c) => !caught.includes(c)).map(([t]) => t);
    const falseAlarms = polite.filter(([t]) => checkAdvocateText(t, rules).flagged).map(([t]) => t);
    // biome-ignore lint/suspicious/noConsole: the figures are this test's output for the closing note.
    console.log(
      `advocate check, held-out set: flagged ${caught.length} of ${should.length} that should be; ` +
        `${falseAlarms.length} of ${polite.length} polite texts flagged. Missed: ${JSON.stringify(missed)}; false alarms: ${JSON.stringify(falseAlarms)}`,
    );
    expect(caught.length / should.length).toBeGreaterThanOrEqual(0.5);
    expect(falseAlarms.length).toBeLessThanOrEqual(1);
  });
});
