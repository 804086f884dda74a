import { type ComplaintModelFile, toComplaintModel } from '../scoring/complaint-model.js';
import { scoreComplaint } from '../scoring/score-complaint.js';
import { type BuildOptions, buildModel, DEFAULT_BUILD, featurizeTexts } from './build-model.js';
import { crossValidate } from './evaluate-model.js';
import { type ClassifierFigures, measureClassifier } from './measure-classifier.js';
import { activeModelFile, adoptModel, readModelFile } from './model-store.js';
import type { LabelledText } from './read-datasets.js';

/** What a retrain is given. */
export interface RetrainPlan {
  /** The model folder (modelDirFor): the candidate is adopted there, the model it replaces kept for rollback. */
  modelDir: string;
  /** The team's labels (set `brand`), the texts both models are judged on. */
  labels: LabelledText[];
  /**
   * The labelled data sets, when present (they join every training set); without them the running model is the prior.
   */
  datasets?: LabelledText[];
  /** Default DEFAULT_BUILD, with the running model's word clusters (so no GloVe is needed at run time). */
  options?: BuildOptions;
  /** Cross-validation folds over the labels (default 5). */
  folds?: number;
  threshold?: number;
  /** Time of the newest of `labels`, recorded in the adopted model (the next retrain counts labels after it). */
  labelsUpTo?: Date;
}

/** What a retrain did, for the team channel: F1 before → after, on how many labels. */
export interface RetrainOutcome {
  adopted: boolean;
  /** How many of the team's labels both models were judged on. */
  labels: number;
  /** The running model on the labels. */
  before?: ClassifierFigures;
  /** The candidate, cross-validated on the labels (each scored by a candidate that never saw it). */
  after?: ClassifierFigures;
  /** One line: why it was adopted or kept. */
  reason: string;
}

/**
 * Retrains on the data sets and the team's labels, cross-validates the candidate on the labels against
 * the running model, and adopts it only if its macro-F1 is not worse (the running model is judged on
 * the same labels as it is; it may have learned from some of them, which only makes adopting harder).
 * The replaced model stays behind for rollbackModel. Synchronous and CPU-bound (seconds per fold).
 */
export function retrainModel(plan: RetrainPlan): RetrainOutcome {
  const folds = plan.folds ?? 5;
  const threshold = plan.threshold ?? 0.5;
  const labels = plan.labels.map((l) => ({ ...l, set: 'brand' }));
  const kinds = new Set(labels.map((l) => l.complaint)).size;
  if (labels.length < folds || kinds < 2) {
    return {
      adopted: false,
      labels: labels.length,
      reason:
        `${labels.length} labels${kinds < 2 ? ' of one kind' : ''}: too ` +
        `few to judge a candidate; the model is kept`,
    };
  }
  const currentFile = activeModelFile(plan.modelDir);
  const current = readModelFile(currentFile);
  // Without the data sets, the candidate is the running model adjusted to the team's labels (it starts
  // from the running weights and is pulled back to them), not a model of a few labels alone.
  const datasets = plan.datasets ?? [];
  const options: BuildOptions = plan.options ?? {
    ...DEFAULT_BUILD,
    clusters: current.clusters,
    ...(datasets.length
      ? {}
      : { prior: { bias: current.bias, weights: current.weights }, priorTrainedOn: current.trainedOn }),
  };
  const running = toComplaintModel(current, currentFile);
  const before = measureClassifier(
    labels.map((l) => ({ complaint: l.complaint, score: scoreComplaint(l.text, { model: running }).score })),
    threshold,
  );
  const brand = featurizeTexts(labels, options);
  const others = featurizeTexts(datasets, options);
  const after = measureClassifier(crossValidate(brand, folds, options, others), threshold);
  const figures = `macro-F1 ${before.macroF1.toFixed(3)} → ${after.macroF1.toFixed(3)} on ${labels.length} labels`;
  if (after.macroF1 + 1e-9 < before.macroF1)
    return {
      adopted: false,
      labels: labels.length,
      before,
      after,
      reason: `candidate worse (${figures}): the model is kept`,
    };
  const candidate: ComplaintModelFile = {
    ...buildModel([...others, ...brand], options),
    ...(plan.labelsUpTo ? { labelsUpTo: plan.labelsUpTo.toISOString() } : {}),
  };
  adoptModel(plan.modelDir, candidate);
  return {
    adopted: true,
    labels: labels.length,
    before,
    after,
    reason: `candidate adopted (${figures}); the previous model is kept for rollback`,
  };
}
