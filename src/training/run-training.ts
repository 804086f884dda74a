import fs from 'node:fs';
import path from 'node:path';
import { type BuildOptions, buildModel, DEFAULT_BUILD, featurizeTexts } from './build-model.js';
import { crossValidate } from './evaluate-model.js';
import { measureClassifier, suggestThreshold } from './measure-classifier.js';
import { serializeModel } from './model-store.js';
import { readBrandLabels } from './read-brand-labels.js';
import { type LabelledText, readDatasets } from './read-datasets.js';

/** Where `npm run train` reads and writes. */
export interface TrainingPlan {
  /** Folder of the labelled sets (../shared/data); skipped with a message when absent. */
  dataDir: string;
  /** The brand's database (DATABASE_URL), for the Label table. */
  databaseUrl: string;
  /** Where the model is written (models/complaint-model.json). */
  outFile: string;
  write: (line: string) => void;
  options?: BuildOptions;
}

/** Brand labels needed before a threshold is suggested for them. */
const MIN_LABELS_FOR_THRESHOLD = 20;

/**
 * Trains the model from the labelled sets and the brand's labels, writes it, and (with enough brand
 * labels of both kinds) suggests a COMPLAINT_THRESHOLD from a cross-validation on them. Returns false
 * when there was nothing to train on (the existing model is then left as it is).
 */
export async function runTraining(plan: TrainingPlan): Promise<boolean> {
  const { write } = plan;
  const texts: LabelledText[] = [];
  const sets = readDatasets(plan.dataDir);
  if (!sets.size)
    write(
      `No labelled data sets in ${plan.dataDir}: skipping them ` +
        `(README, "Complaint scoring", says where they come from).`,
    );
  for (const [name, rows] of sets) {
    write(`${name}: ${rows.length} texts (${rows.filter((r) => r.complaint).length} complaints)`);
    texts.push(...rows);
  }
  const brand = await readBrandLabels(plan.databaseUrl);
  write(`brand: ${brand.note}`);
  texts.push(...brand.labels);
  if (new Set(texts.map((t) => t.complaint)).size < 2) {
    write(
      `Nothing to train on (${texts.length} labelled texts, need ` +
        `complaints and non-complaints): ${plan.outFile} is left as it is.`,
    );
    return false;
  }
  const options = plan.options ?? DEFAULT_BUILD;
  const featurized = featurizeTexts(texts);
  const model = buildModel(featurized, options);
  const json = serializeModel(model);
  fs.mkdirSync(path.dirname(plan.outFile), { recursive: true });
  fs.writeFileSync(plan.outFile, json);
  write(`wrote ${plan.outFile}: ${Object.keys(model.weights).length} weights, ${Math.round(json.length / 1024)} kB`);
  const brandItems = featurized.filter((t) => t.set === 'brand');
  if (brandItems.length >= MIN_LABELS_FOR_THRESHOLD && new Set(brandItems.map((t) => t.complaint)).size === 2) {
    // Brand labels are scored by models that never saw them (5 folds), with the data sets always in.
    const others = featurized.filter((t) => t.set !== 'brand');
    const scored = crossValidate(brandItems, 5, options, others);
    const best = suggestThreshold(scored);
    const at = (t: number) => measureClassifier(scored, t);
    write(
      `brand labels, cross-validated: at 0.5 macro-F1 ` +
        `${at(0.5).macroF1.toFixed(3)}; best at COMPLAINT_THRESHOLD=` +
        `${best} (macro-F1 ${at(best).macroF1.toFixed(3)})`,
    );
  }
  return true;
}
