import { NEGATORS } from './find-phrases.js';
import { PorterStemmer, stopwords } from './natural-parts.js';
import { sentimentOf } from './sentiment-lexicon.js';

/** What the scorer needs to know about one lower-case word token, computed once per distinct word. */
export interface WordInfo {
  /** natural's Porter stem. */
  stem: string;
  /** Model keys of the word as written and under a negator: `w:<stem>`, `n:<stem>`. */
  key: string;
  negatedKey: string;
  /** Function words and numbers get no learned weight: they describe the data set, not the complaint. */
  learned: boolean;
  /** AFINN polarity, -5..5 (0 when none). */
  polarity: number;
  negator: boolean;
}

const STOPWORDS = new Set(stopwords.filter((w) => !NEGATORS.has(w)));
// Porter stemming costs about 3 µs a word, more than the whole scoring budget for a tweet; words repeat
// a lot, so a cache makes it nearly free. Cleared when full, which keeps memory bounded on any input.
const MAX_CACHED = 50_000;
const cache = new Map<string, WordInfo>();

/** The word's stem, model keys, polarity; cached. */
export function describeWord(word: string): WordInfo {
  let info = cache.get(word);
  if (info === undefined) {
    // "internet's" is the internet: the possessive is not part of the word's stem.
    const stem = word.length > 40 ? word : PorterStemmer.stem(word.endsWith("'s") ? word.slice(0, -2) : word);
    info = {
      stem,
      key: `w:${stem}`,
      negatedKey: `n:${stem}`,
      learned: !STOPWORDS.has(word) && !/^\d/.test(word),
      polarity: sentimentOf(word),
      negator: NEGATORS.has(word),
    };
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(word, info);
  }
  return info;
}
