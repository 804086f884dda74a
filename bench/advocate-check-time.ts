import path from 'node:path';
import { checkAdvocateText } from '../src/advocacy/check-advocate-text';
import { loadAdvocateRules } from '../src/advocacy/load-advocate-rules';

const PHRASES = [
  'So sorry about the wait, could you DM us so we can check your order?',
  "yeah we're useless at this lately, I'd switch too",
  "That's on us, you'll get a refund by Friday",
  'Found it: order 4839201 is stuck in the depot, email jane@example.com',
  'You should have read the manual, calm down',
];

/**
 * Microseconds per advocate check: what a keystroke in *Reply publicly* and every advocate's reply pay,
 * compared with `earlier` replies as the desk keeps them (up to 400). Pure, no database.
 */
export function advocateCheckTimes(texts: number, earlier: number): { perCheckUs: number; flagged: number } {
  const rules = loadAdvocateRules(path.join(__dirname, '../prompts'));
  const sent = Array.from(
    { length: earlier },
    (_, i) => `Hi customer ${i}, sorry about case ${i}: the care team is checking it and will DM you today.`,
  );
  let flagged = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < texts; i++) {
    if (checkAdvocateText(`${PHRASES[i % PHRASES.length]} (${i})`, rules, sent).flagged) flagged++;
  }
  return { perCheckUs: Number(process.hrtime.bigint() - start) / 1e3 / texts, flagged };
}

// `npx tsx bench/advocate-check-time.ts`: this step alone, without the database steps of `npm run bench`.
if (require.main === module) {
  const r = advocateCheckTimes(2000, 400);
  console.log(
    `advocate check: ${r.perCheckUs.toFixed(0)} µs per text against 400 earlier replies (2,000 texts, ${r.flagged} flagged)`,
  );
}
