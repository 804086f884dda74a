/** The token that stands for any sentence break (. ! ? ; : or a line break); commas stay ",". */
export const SENTENCE_BREAK = '.';

/**
 * Lower-case word tokens of already-normalised text, apostrophes kept ("doesn't"). Sentence breaks
 * become "." and commas ",", so phrases and negation never reach across them.
 */
export function tokenizeText(text: string): string[] {
  const tokens = text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[.!?;,:\n]/gu) ?? [];
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
