import { COMPLAINT_PHRASES, FLIPPABLE, PRAISE_PHRASES, SARCASM_PHRASES } from './complaint-lexicon.js';

/** Words that turn what follows (within a few words of the same clause) into its opposite. */
export const NEGATORS = new Set([
  'not',
  'no',
  'zero',
  'never',
  'neither',
  'nor',
  'hardly',
  'barely',
  'nothing',
  'without',
  'cannot',
  "can't",
  'cant',
  "don't",
  'dont',
  "didn't",
  'didnt',
  "doesn't",
  'doesnt',
  "isn't",
  'isnt',
  "wasn't",
  'wasnt',
  "aren't",
  'arent',
  "won't",
  'wont',
  "haven't",
  'havent',
  "hasn't",
  'hasnt',
  "wouldn't",
  'wouldnt',
  "couldn't",
  'couldnt',
  "shouldn't",
  'shouldnt',
]);

/** Negation stops at a conjunction: "never came and nobody called" negates "came" only. */
export const SCOPE_BREAKERS = new Set(['and', 'but', 'so', 'because', 'then', 'or', 'though', 'although', 'yet']);

/**
 * What a matched phrase counts as. `resolved`: a complaint told as over (markResolved); `praised`: a
 * complaint word that names what is praised, or a joke (markPraised).
 */
export type PhraseKind =
  | 'complaint'
  | 'praise'
  | 'negated_praise'
  | 'negated_complaint'
  | 'sarcasm'
  | 'resolved'
  | 'praised';

/** A lexicon phrase found in the tokens, with its hand weight (positive = complaint). */
export interface PhraseHit {
  kind: PhraseKind;
  phrase: string;
  /** The negator in front of it, for negated kinds. */
  negator?: string;
  weight: number;
  /** Token positions covered (end exclusive), so word features can be credited to the phrase. */
  start: number;
  end: number;
}

type Entry = { kind: 'complaint' | 'praise' | 'sarcasm'; weight: number };
const LEXICON = new Map<string, Entry>();
for (const [p, w] of Object.entries(COMPLAINT_PHRASES)) LEXICON.set(p, { kind: 'complaint', weight: w });
for (const [p, w] of Object.entries(PRAISE_PHRASES)) LEXICON.set(p, { kind: 'praise', weight: w });
for (const [p, w] of Object.entries(SARCASM_PHRASES)) LEXICON.set(p, { kind: 'sarcasm', weight: w });
// One lookup per token on the hot path: most tokens start no phrase at all.
type First = { single?: Entry; longest: number };
const FIRST = new Map<string, First>();
for (const [phrase, entry] of LEXICON) {
  const words = phrase.split(' ');
  const first = FIRST.get(words[0]) ?? { longest: 1 };
  if (words.length === 1) first.single = entry;
  else first.longest = Math.max(first.longest, words.length);
  FIRST.set(words[0], first);
}

/**
 * Lexicon phrases, longest first, each token used once and each phrase counted once. A negator up to
 * three words before a phrase (same clause) flips praise ("not happy") and evaluative complaint words
 * ("no issues"); a phrase that starts with a negator ("never arrived") is taken as written, and its
 * negator reaches no further ("not able to resolve" is not "not resolve").
 */
export function findPhrases(tokens: string[]): PhraseHit[] {
  const hits: PhraseHit[] = [];
  let seen: Set<string> | undefined;
  let floor = 0;
  for (let i = 0; i < tokens.length; i++) {
    const first = FIRST.get(tokens[i]);
    if (!first) continue;
    for (let n = Math.min(first.longest, tokens.length - i); n >= 1; n--) {
      const phrase = n === 1 ? tokens[i] : tokens.slice(i, i + n).join(' ');
      const entry = n === 1 ? first.single : LEXICON.get(phrase);
      if (!entry) continue;
      seen ??= new Set();
      if (!seen.has(phrase)) {
        seen.add(phrase);
        const negator = NEGATORS.has(tokens[i]) ? undefined : negatorBefore(tokens, i, floor);
        hits.push(hitOf(entry, phrase, negator, i, i + n));
      }
      floor = i + n;
      i += n - 1;
      break;
    }
  }
  return hits;
}

function hitOf(entry: Entry, phrase: string, negator: string | undefined, start: number, end: number): PhraseHit {
  if (negator && entry.kind === 'praise')
    return { kind: 'negated_praise', phrase, negator, weight: -entry.weight, start, end };
  // "no problem" is weaker praise than "problem" is a complaint.
  if (negator && entry.kind === 'complaint' && FLIPPABLE.has(phrase))
    return { kind: 'negated_complaint', phrase, negator, weight: -entry.weight * 0.5, start, end };
  return { kind: entry.kind, phrase, weight: entry.weight, start, end };
}

/**
 * The negator governing position i, if any: up to three words back, not before `floor` (the end of
 * the last phrase), stopping at a clause boundary.
 */
export function negatorBefore(tokens: string[], i: number, floor = 0): string | undefined {
  for (let j = i - 1; j >= Math.max(floor, i - 3); j--) {
    const t = tokens[j];
    if (t === '.' || t === ',' || SCOPE_BREAKERS.has(t)) return undefined;
    if (NEGATORS.has(t)) return t;
  }
  return undefined;
}
