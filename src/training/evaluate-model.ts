import { toComplaintModel } from '../scoring/complaint-model.js';
import { scoreComplaint } from '../scoring/score-complaint.js';
import { type BuildOptions, buildModel, DEFAULT_BUILD, type FeaturizedText } from './build-model.js';
import type { Scored } from './measure-classifier.js';

/** A scored text, with the text kept for severity and error reports. */
export type ScoredText = Scored & { text: string; severity?: string };

/** Scores `test` with a model built on `train` only, through the real scorer. */
export function trainAndScore(
  train: FeaturizedText[],
  test: FeaturizedText[],
  options: BuildOptions = DEFAULT_BUILD,
): ScoredText[] {
  const model = toComplaintModel(buildModel(train, options));
  return test.map((t) => ({
    text: t.text,
    severity: t.severity,
    complaint: t.complaint,
    score: scoreComplaint(t.text, { model }).score,
  }));
}

/**
 * k-fold cross-validation: every text scored once, by a model that never saw it (folds by position).
 * `alwaysTrain` texts join every fold's training data (the data sets, when validating brand labels).
 */
export function crossValidate(
  items: FeaturizedText[],
  k = 5,
  options: BuildOptions = DEFAULT_BUILD,
  alwaysTrain: FeaturizedText[] = [],
): ScoredText[] {
  const out: ScoredText[] = [];
  for (let fold = 0; fold < k; fold++) {
    const train = [...alwaysTrain, ...items.filter((_, i) => i % k !== fold)];
    out.push(
      ...trainAndScore(
        train,
        items.filter((_, i) => i % k === fold),
        options,
      ),
    );
  }
  return out;
}

/** Scoring speed: median and 90th percentile microseconds per text, and texts per second. */
export interface SpeedFigures {
  texts: number;
  medianMicros: number;
  p90Micros: number;
  textsPerSecond: number;
}

/**
 * Times `score` on each text with process.hrtime.bigint after a warm-up pass (the model loads and the
 * JIT settles first), `rounds` times over.
 */
export function measureSpeed(texts: string[], score: (text: string) => unknown, rounds = 5): SpeedFigures {
  for (const t of texts) score(t);
  const times: number[] = [];
  const start = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) {
    for (const t of texts) {
      const t0 = process.hrtime.bigint();
      score(t);
      times.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
  }
  const totalSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return {
    texts: times.length,
    medianMicros: at(0.5),
    p90Micros: at(0.9),
    textsPerSecond: times.length / totalSeconds,
  };
}
