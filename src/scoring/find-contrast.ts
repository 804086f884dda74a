const CONTRAST = new Set(['but', 'however', 'although', 'except', 'nevertheless']);

/**
 * "Good phone but the battery died": within a sentence, what follows a "but" counts 1.5 times and what
 * precedes it half (VADER's rule). Undefined when no sentence has a contrast word (the common case).
 */
export function findContrast(tokens: string[]): Float64Array | undefined {
  let emphasis: Float64Array | undefined;
  let sentenceStart = 0;
  let pivot = -1;
  for (let i = 0; i <= tokens.length; i++) {
    const t = tokens[i];
    if (i < tokens.length && t !== '.') {
      if (CONTRAST.has(t)) pivot = i;
      continue;
    }
    if (pivot >= 0) {
      emphasis ??= new Float64Array(tokens.length).fill(1);
      for (let j = sentenceStart; j < i; j++) emphasis[j] = j < pivot ? 0.5 : 1.5;
    }
    sentenceStart = i + 1;
    pivot = -1;
  }
  return emphasis;
}
