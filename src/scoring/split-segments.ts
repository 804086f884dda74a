/** Words after which a sentence tells another story: "fixed it but it broke again". */
const CONTRAST = new Set(['but', 'however', 'though', 'although', 'yet', 'except']);

/**
 * The parts of a text that are read as one statement, as [start, end) token ranges: sentences, cut
 * again at contrast words (and at commas when `atCommas`). `tokens` from tokenizeText.
 */
export function splitSegments(tokens: string[], atCommas = false): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i <= tokens.length; i++) {
    const t = tokens[i];
    if (i < tokens.length && t !== '.' && !CONTRAST.has(t) && !(atCommas && t === ',')) continue;
    if (i > start) out.push([start, i]);
    start = i + 1;
  }
  return out;
}
