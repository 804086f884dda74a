// natural's index also loads its storage back-ends, which call dotenv.config() and print to stdout:
// that would corrupt `mention-desk score` output and read .env behind our back. Load only the parts used.
// (Its WordTokenizer is not among them: it splits "doesn't" into "doesn" and "t", which negation needs whole.)
/* eslint-disable @typescript-eslint/no-require-imports */
// The English Porter stemmer alone: the stemmers index loads those of twenty languages.
const porterStemmer = require('natural/lib/natural/stemmers/porter_stemmer');
const stopwordList = require('natural/lib/natural/util/stopwords');

type Stemmer = { stem(token: string): string };

export const PorterStemmer: Stemmer = porterStemmer;
/** natural's English stop words (170 function words, lower case). */
export const stopwords: string[] = stopwordList.words;
