// natural's index also loads its storage back-ends, which call dotenv.config() and print to stdout:
// that would corrupt `mention-desk score` output and read .env behind our back. Load only the parts used.
/* eslint-disable @typescript-eslint/no-require-imports */
const tokenizers = require('natural/lib/natural/tokenizers');
const stemmers = require('natural/lib/natural/stemmers');
const sentiment = require('natural/lib/natural/sentiment');

type Tokenizer = { tokenize(text: string): string[] };
type Stemmer = { stem(token: string): string };
type SentimentAnalyzerCtor = new (language: string, stemmer: Stemmer | null, vocabulary: string) => {
  getSentiment(tokens: string[]): number;
};

export const WordTokenizer: new () => Tokenizer = tokenizers.WordTokenizer;
export const PorterStemmer: Stemmer = stemmers.PorterStemmer;
export const SentimentAnalyzer: SentimentAnalyzerCtor = sentiment.SentimentAnalyzer;
