import { FEATURE_BOUNDS, type Feature } from '../scoring/extract-features.js';

/** One training example: its features, its label and how much it counts. */
export interface TrainingExample {
  features: Feature[];
  complaint: boolean;
  weight: number;
}

/** Regularisation and effort. */
export interface FitOptions {
  /** L2 strength on word weights (`w:`, `n:`): words are what does not travel between industries. */
  l2Words: number;
  /** L2 strength on every other weight (lexicon scales, intensity, questions). */
  l2General: number;
  /** Full-batch AdaGrad steps. */
  iterations: number;
  /** [min, max] of some weights (hand-written knowledge the data may not overrule). */
  bounds?: Record<string, [number, number]>;
}

export const DEFAULT_FIT: FitOptions = { l2Words: 3e-3, l2General: 1e-4, iterations: 400, bounds: FEATURE_BOUNDS };

/** A fitted logistic regression: z = bias + Σ weight[key] · value; score = 1 / (1 + e^-z). */
export interface FittedWeights {
  bias: number;
  weights: Record<string, number>;
}

const isWordKey = (key: string) => key.startsWith('w:') || key.startsWith('n:');

/**
 * L2-regularised logistic regression, full batch with AdaGrad steps: deterministic (same data, same
 * weights), a second or two for ten thousand texts. Plain TypeScript because natural's
 * LogisticRegressionClassifier builds dense matrices (documents × vocabulary), which does not fit here.
 */
export function fitLogistic(examples: TrainingExample[], options: FitOptions = DEFAULT_FIT): FittedWeights {
  const index = new Map<string, number>();
  const rows = examples.map((ex) => {
    const sums = new Map<number, number>();
    for (const f of ex.features) {
      let k = index.get(f.key);
      if (k === undefined) index.set(f.key, (k = index.size));
      sums.set(k, (sums.get(k) ?? 0) + f.value);
    }
    return {
      idx: Int32Array.from(sums.keys()),
      val: Float64Array.from(sums.values()),
      y: ex.complaint ? 1 : 0,
      c: ex.weight,
    };
  });
  const keys = [...index.keys()];
  const l2 = Float64Array.from(keys, (k) => (isWordKey(k) ? options.l2Words : options.l2General));
  const totalWeight = rows.reduce((s, r) => s + r.c, 0) || 1;
  const low = Float64Array.from(keys, (k) => options.bounds?.[k]?.[0] ?? -Infinity);
  const high = Float64Array.from(keys, (k) => options.bounds?.[k]?.[1] ?? Infinity);
  const w = Float64Array.from(keys, (_, k) => Math.min(high[k], Math.max(low[k], 0)));
  const g = new Float64Array(keys.length);
  const acc = new Float64Array(keys.length).fill(1e-8);
  let bias = 0;
  let accBias = 1e-8;
  const rate = 0.5;
  for (let it = 0; it < options.iterations; it++) {
    g.fill(0);
    let gBias = 0;
    for (const r of rows) {
      let z = bias;
      for (let j = 0; j < r.idx.length; j++) z += w[r.idx[j]] * r.val[j];
      const err = (r.c * (1 / (1 + Math.exp(-z)) - r.y)) / totalWeight;
      gBias += err;
      for (let j = 0; j < r.idx.length; j++) g[r.idx[j]] += err * r.val[j];
    }
    accBias += gBias * gBias;
    bias -= (rate * gBias) / Math.sqrt(accBias);
    for (let k = 0; k < w.length; k++) {
      const grad = g[k] + l2[k] * w[k];
      acc[k] += grad * grad;
      w[k] -= (rate * grad) / Math.sqrt(acc[k]);
      w[k] = Math.min(high[k], Math.max(low[k], w[k])); // projected back inside the bounds
    }
  }
  const weights: Record<string, number> = {};
  keys.forEach((key, k) => (weights[key] = w[k]));
  return { bias, weights };
}
