// natural's index also loads its storage back-ends, which call dotenv.config() and print to stdout:
// that would corrupt `mention-desk score` output and read .env behind our back. Load only the parts used.
// (Its WordTokenizer is not among them: it splits "doesn't" into "doesn" and "t", which negation needs whole.)
/* eslint-disable @typescript-eslint/no-require-imports */
const stemmers = require('natural/lib/natural/stemmers');
const sentiment = require('natural/lib/natural/sentiment');
const stopwordList = require('natural/lib/natural/util/stopwords');

type Stemmer = { stem(token: string): string };
type SentimentAnalyzerCtor = new (
  language: string,
  stemmer: Stemmer | null,
  vocabulary: string,
) => {
  getSentiment(tokens: string[]): number;
  /** word -> polarity (AFINN: -5..5), filled by the constructor. */
  vocabulary: Record<string, number>;
};

export const PorterStemmer: Stemmer = stemmers.PorterStemmer;
export const SentimentAnalyzer: SentimentAnalyzerCtor = sentiment.SentimentAnalyzer;
/** natural's English stop words (170 function words, lower case). */
export const stopwords: string[] = stopwordList.words;
