import fs from 'node:fs';
import { resolveBundled } from '../core/package-root.js';

/** Where `npm run train` writes the model and the scorer reads it (working directory first, then the package). */
export const MODEL_FILE = 'models/complaint-model.json';

/** The trained model as stored: a logistic regression over the features of extractFeatures. */
export interface ComplaintModelFile {
  version: 1;
  bias: number;
  /** Feature key -> weight (see Feature for the keys). */
  weights: Record<string, number>;
  /** Texts per labelled set it was trained on, e.g. {"x-fincorp": 6280, "brand": 12}. */
  trainedOn: Record<string, number>;
  /** Free-form notes: options used, how to rebuild. */
  notes?: string;
  /** ISO time of the newest team label it learned from: the nightly retrain counts new labels after it. */
  labelsUpTo?: string;
  /** Word clusters the `c:<n>` features use (derived from GloVe by npm run train; only the table ships). */
  clusters?: WordClusterFile;
}

/** Word clusters as stored: `words[n]` lists the words of cluster n, space-separated, the one that names it first. */
export interface WordClusterFile {
  source: string;
  words: string[];
}

/** Word clusters ready for lookup. */
export interface WordClusters {
  /** word -> cluster number. */
  of: Map<string, number>;
  /** The word that names each cluster in reasons ("words like 'refund'"). */
  label: string[];
}

/** Makes a stored cluster table ready for lookup. */
export function toWordClusters(file: WordClusterFile): WordClusters {
  const of = new Map<string, number>();
  const label: string[] = [];
  file.words.forEach((list, n) => {
    const words = list.split(' ');
    label.push(words[0]);
    for (const w of words) of.set(w, n);
  });
  return { of, label };
}

/** The model ready for scoring. */
export interface ComplaintModel {
  bias: number;
  weights: Map<string, number>;
  trainedOn: Record<string, number>;
  clusters?: WordClusters;
}

/** Checks the shape of a parsed model file and makes it ready for scoring. */
export function toComplaintModel(data: unknown, source = 'model'): ComplaintModel {
  const m = data as Partial<ComplaintModelFile> | null;
  if (m?.version !== 1 || typeof m.bias !== 'number' || !m.weights || typeof m.weights !== 'object') {
    throw new Error(
      `${source}: not a complaint model (version 1 with bias and weights); rebuild it with npm run train`,
    );
  }
  const weights = new Map<string, number>();
  for (const [k, v] of Object.entries(m.weights)) if (typeof v === 'number' && Number.isFinite(v)) weights.set(k, v);
  if (
    m.clusters !== undefined &&
    !(Array.isArray(m.clusters.words) && m.clusters.words.every((w) => typeof w === 'string'))
  ) {
    throw new Error(`${source}: clusters.words is not a list of word lists; rebuild it with npm run train`);
  }
  return {
    bias: m.bias,
    weights,
    trainedOn: m.trainedOn ?? {},
    clusters: m.clusters ? toWordClusters(m.clusters) : undefined,
  };
}

let loaded: ComplaintModel | undefined;
let chosenFile: string | undefined;

/**
 * Which model file loadComplaintModel reads from now on (the brand's adopted model, see
 * training/model-store); undefined: the default. Drops the loaded model, so an adopted or rolled-back
 * model is used from the next text on.
 */
export function useComplaintModelFile(file: string | undefined): void {
  chosenFile = file;
  loaded = undefined;
}

/**
 * The model, read synchronously on first use and kept: scoring stays pure and synchronous. The file
 * set by useComplaintModelFile, else models/complaint-model.json in the working directory (a brand's
 * retrained model), else the package's.
 */
export function loadComplaintModel(): ComplaintModel {
  if (!loaded) {
    const file = chosenFile ?? resolveBundled(MODEL_FILE);
    loaded = toComplaintModel(JSON.parse(fs.readFileSync(file, 'utf8')), file);
  }
  return loaded;
}
