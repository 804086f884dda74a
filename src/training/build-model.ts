import { type ComplaintModelFile, toWordClusters, type WordClusterFile } from '../scoring/complaint-model.js';
import { extractFeatures, type Feature } from '../scoring/extract-features.js';
import { normalizeText } from '../scoring/normalize-text.js';
import { DEFAULT_FIT, type FitOptions, fitLogistic, type TrainingExample } from './fit-logistic.js';
import { type LabelledText, SENTIMENT_SETS } from './read-datasets.js';

/** A labelled text with its features, extracted once and reused by every fold. */
export type FeaturizedText = LabelledText & { features: Feature[] };

/** Training options: the fit's, plus which words are kept. */
export interface BuildOptions extends FitOptions {
  /** A word must occur in at least this many training texts to get a weight (rarer ones are noise). */
  minWordCount: number;
  /** How much one brand label counts against one data-set text: the brand's own traffic matters most. */
  brandWeight: number;
  /**
   * How much one text of a sentiment set (negative vs not, a stand-in for complaints) counts against one
   * complaint-labelled text.
   */
  sentimentWeight: number;
  /**
   * Per-set weight of one text, overriding the above (e.g. `{ "tweeteval-sentiment": 0 }` leaves a set out of
   * training).
   */
  setWeights?: Record<string, number>;
  /** What the prior model (FitOptions.prior) was trained on, carried into trainedOn (its brand count is replaced). */
  priorTrainedOn?: Record<string, number>;
  /** Word clusters for the `c:<n>` features (clusterWords), shipped inside the model; none: no cluster features. */
  clusters?: WordClusterFile;
}

export const DEFAULT_BUILD: BuildOptions = { ...DEFAULT_FIT, minWordCount: 3, brandWeight: 3, sentimentWeight: 0.25 };

/** Features of each text, as the scorer will see them (with the word clusters of `options`, if any). */
export function featurizeTexts(texts: LabelledText[], options: Pick<BuildOptions, 'clusters'> = {}): FeaturizedText[] {
  const clusters = options.clusters ? toWordClusters(options.clusters) : undefined;
  return texts.map((t) => {
    const text = normalizeText(t.text);
    return { ...t, features: extractFeatures(text, undefined, clusters).features };
  });
}

const isWordKey = (key: string) => key.startsWith('w:') || key.startsWith('n:') || key.startsWith('c:');

/**
 * Fits the model on `items`. Within each set, complaints and non-complaints weigh the same in total
 * (the sets have different shares of complaints, real traffic another), so 0.5 is the break-even score.
 */
export function buildModel(items: FeaturizedText[], options: BuildOptions = DEFAULT_BUILD): ComplaintModelFile {
  const docFreq = new Map<string, number>();
  for (const item of items)
    for (const key of new Set(item.features.map((f) => f.key))) docFreq.set(key, (docFreq.get(key) ?? 0) + 1);
  const keep = (f: Feature) => !isWordKey(f.key) || (docFreq.get(f.key) ?? 0) >= options.minWordCount;
  const counts = new Map<string, number>();
  for (const item of items)
    counts.set(`${item.set}:${item.complaint}`, (counts.get(`${item.set}:${item.complaint}`) ?? 0) + 1);
  const setSize = (set: string) => (counts.get(`${set}:true`) ?? 0) + (counts.get(`${set}:false`) ?? 0);
  const examples: TrainingExample[] = items.map((item) => ({
    features: item.features.filter(keep),
    complaint: item.complaint,
    weight:
      (item.weight ?? 1) *
      (options.setWeights?.[item.set] ??
        (item.set === 'brand' ? options.brandWeight : SENTIMENT_SETS.has(item.set) ? options.sentimentWeight : 1)) *
      (setSize(item.set) / (2 * counts.get(`${item.set}:${item.complaint}`)!)),
  }));
  const fitted = fitLogistic(examples, options);
  const weights: Record<string, number> = {};
  // Starting from a prior model, the weights the new texts never touched stay as they were.
  const all = { ...options.prior?.weights, ...fitted.weights };
  for (const [key, w] of Object.entries(all).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (Math.abs(w) >= 0.005) weights[key] = round(w);
  }
  const trainedOn: Record<string, number> = {};
  for (const item of items) trainedOn[item.set] = (trainedOn[item.set] ?? 0) + 1;
  if (options.priorTrainedOn)
    for (const [set, n] of Object.entries(options.priorTrainedOn)) if (set !== 'brand') trainedOn[set] ??= n;
  return {
    version: 1,
    bias: round(fitted.bias),
    weights,
    trainedOn,
    ...(options.clusters ? { clusters: options.clusters } : {}),
    notes:
      `npm run train; l2Words=${options.l2Words} l2General=` +
      `${options.l2General} iterations=` +
      `${options.iterations} minWordCount=` +
      `${options.minWordCount} brandWeight=` +
      `${options.brandWeight} sentimentWeight=${options.sentimentWeight}`,
  };
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;
