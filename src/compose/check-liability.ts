// Apologise for the experience, never admit fault or promise compensation in public: those are for a
// person to decide after looking at the case. Every prompt variant is checked against this list when it
// is loaded, and every composed text again before it is queued.

const LIABILITY = [
  /\bour (fault|mistake|error|bad)\b/i,
  /\bwe (messed|screwed|stuffed) up\b/i,
  /\bwe (made|have made) (a|an|the) (mistake|error)\b/i,
  /\bwe('re| are) (to blame|responsible|liable|at fault)\b/i,
  /\b(we|we'll|we will|will) (refund|compensate|reimburse|credit your account)\b/i,
  /\b(admit|admits|admitted) (fault|liability)\b/i,
  /\bnegligen(t|ce)\b/i,
  /\bguarantee(d)?\b/i,
];

/** The liability-admitting phrases found in `text` (empty when none). */
export function findLiabilityPhrases(text: string): string[] {
  const found: string[] = [];
  for (const re of LIABILITY) {
    const m = text.match(re);
    if (m) found.push(m[0]);
  }
  return found;
}
