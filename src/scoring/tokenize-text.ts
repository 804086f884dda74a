/** The token that stands for any sentence break (. ! ? ; : or a line break); commas stay ",". */
export const SENTENCE_BREAK = '.';

const WORDS = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[.!?;,:\n]/gu;
const ASCII_WORDS = /[a-z0-9]+(?:'[a-z]+)*|[.!?;,:\n]/g;
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Lower-case word tokens of already-normalised text, apostrophes kept ("doesn't"). Sentence breaks
 * become "." and commas ",", so phrases and negation never reach across them.
 */
export function tokenizeText(text: string): string[] {
  const lower = text.toLowerCase();
  // Plain ASCII (most texts): the same tokens from a regular expression without Unicode classes, which is faster.
  const tokens = (NON_ASCII.test(lower) ? lower.match(WORDS) : lower.match(ASCII_WORDS)) ?? [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.length === 1 && t !== ',' && '!?;:\n'.includes(t)) tokens[i] = SENTENCE_BREAK;
    else if (t.includes('’')) tokens[i] = t.replace(/’/g, "'");
  }
  return tokens;
}

/** A word, not a sentence break or a comma. */
export function isWordToken(token: string): boolean {
  return token !== SENTENCE_BREAK && token !== ',';
}
