/** A scored example: the scorer's score and the true label. */
export interface Scored {
  score: number;
  complaint: boolean;
}

/** Precision, recall and F1 of the complaint label, and macro-F1 over complaint / not complaint. */
export interface ClassifierFigures {
  n: number;
  precision: number;
  recall: number;
  f1: number;
  macroF1: number;
  accuracy: number;
}

const f1Of = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/** Figures at `threshold` (score >= threshold counts as complaint). */
export function measureClassifier(scored: Scored[], threshold = 0.5): ClassifierFigures {
  let tp = 0,
    fp = 0,
    fn = 0,
    tn = 0;
  for (const s of scored) {
    const said = s.score >= threshold;
    if (said && s.complaint) tp++;
    else if (said) fp++;
    else if (s.complaint) fn++;
    else tn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const precisionOther = tn + fn ? tn / (tn + fn) : 0;
  const recallOther = tn + fp ? tn / (tn + fp) : 0;
  const f1 = f1Of(precision, recall);
  return {
    n: scored.length,
    precision,
    recall,
    f1,
    macroF1: (f1 + f1Of(precisionOther, recallOther)) / 2,
    accuracy: scored.length ? (tp + tn) / scored.length : 0,
  };
}

/** The threshold (0.05 to 0.95, by 0.05) with the best macro-F1 on `scored`; 0.5 on ties. */
export function suggestThreshold(scored: Scored[]): number {
  let best = 0.5;
  let bestF1 = measureClassifier(scored, 0.5).macroF1;
  for (let t = 0.05; t < 0.96; t += 0.05) {
    const f1 = measureClassifier(scored, t).macroF1;
    if (f1 > bestF1 + 1e-9) {
      best = Math.round(t * 100) / 100;
      bestF1 = f1;
    }
  }
  return best;
}

/** How many scores fall in each tenth of 0..1 (the last bin includes 1). */
export function scoreHistogram(scores: number[], bins = 10): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (const s of scores) counts[Math.min(bins - 1, Math.max(0, Math.floor(s * bins)))]++;
  return counts;
}

/** Deterministic FNV-1a hash of a text: the same split on every machine and every run. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * The sealed part of each labelled set (about 30%, chosen by hash): never looked at while the lexicon
 * and options were written, so the cross-domain figures on it are not tuned to it.
 */
export function isHeldOut(text: string): boolean {
  return hashText(text) % 10 < 3;
}
