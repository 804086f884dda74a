import { SentimentAnalyzer } from './natural-parts.js';

// AFINN-165 as shipped by natural: 3,382 English words and phrases rated -5..5 by hand. Read once;
// negation is handled by the caller (natural's own getSentiment flips everything after a "not").
const afinn = new Map<string, number>(Object.entries(new SentimentAnalyzer('English', null, 'afinn').vocabulary));

// Names of platforms and companies customers write about, which AFINN rates as ordinary words:
// "the community discord" is a Discord server, not strife; United and Spirit are airlines, Ally a bank.
for (const name of ['discord', 'united', 'spirit', 'ally']) afinn.delete(name);

/** The AFINN polarity of a lower-case word (-5..5), or 0 when it has none. */
export function sentimentOf(word: string): number {
  return afinn.get(word) ?? 0;
}
