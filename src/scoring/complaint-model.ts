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
}

/** The model ready for scoring. */
export interface ComplaintModel {
  bias: number;
  weights: Map<string, number>;
  trainedOn: Record<string, number>;
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
  return { bias: m.bias, weights, trainedOn: m.trainedOn ?? {} };
}

let loaded: ComplaintModel | undefined;

/**
 * The shipped model, read synchronously on first use and kept: scoring stays pure and synchronous.
 * A file in the working directory's models/ wins over the package's, so a brand's retrained model is used.
 */
export function loadComplaintModel(): ComplaintModel {
  if (!loaded) {
    const file = resolveBundled(MODEL_FILE);
    loaded = toComplaintModel(JSON.parse(fs.readFileSync(file, 'utf8')), file);
  }
  return loaded;
}
