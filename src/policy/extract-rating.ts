// A customer's answer to "How did we do, 1 to 5?" comes in many shapes: "5", "4/5", "3 out of 5",
// "⭐⭐⭐⭐", "5 stars, thanks!". Only an answer that clearly gives one number counts.

const PATTERNS: RegExp[] = [
  /^\s*([1-5])\s*(?:$|[!.,:;)\-–]|\s)/, // starts with the digit: "5", "4 - quick", "5!"
  /\b([1-5])\s*(?:\/\s*5|out of 5|of 5)\b/i,
  /\b([1-5])\s*(?:stars?|★|⭐)/i,
];

/** The rating (1..5) in a reply to a follow-up, or undefined when it gives none. */
export function extractRating(text: string): number | undefined {
  const t = text.replace(/@\w+/g, ' ').trim();
  const stars = t.match(/⭐|★/g)?.length ?? 0;
  if (stars >= 1 && stars <= 5 && !/\d/.test(t)) return stars;
  for (const re of PATTERNS) {
    const m = re.exec(t);
    if (m) return Number(m[1]);
  }
  return undefined;
}
