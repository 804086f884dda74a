// "Copy of an earlier reply": customers screenshot identical answers side by side and call them
// cut-and-paste. Two texts count as copies when, names and handles aside, most of their word triples are
// the same; a short stock phrase ("Thanks!") is too short to be a copy of anything.

const MIN_WORDS = 6;
const SAME_SHARE = 0.7;

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/@\w+/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .split(/[^\p{L}\p{N}']+/u)
    .filter(Boolean);
}

function triples(list: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 2 < list.length; i++) out.add(`${list[i]} ${list[i + 1]} ${list[i + 2]}`);
  return out;
}

/** The earlier text `text` copies, if any (most of its word triples appear in that one too). */
export function findCopiedReply(text: string, earlier: readonly string[]): string | undefined {
  const mine = words(text);
  if (mine.length < MIN_WORDS) return undefined;
  const own = triples(mine);
  for (const other of earlier) {
    const theirs = triples(words(other));
    if (!theirs.size) continue;
    let shared = 0;
    for (const t of own) if (theirs.has(t)) shared++;
    if (shared / Math.max(own.size, theirs.size) >= SAME_SHARE) return other;
  }
  return undefined;
}
