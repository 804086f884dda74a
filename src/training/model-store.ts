import fs from 'node:fs';
import path from 'node:path';
import { resolveBundled } from '../core/package-root.js';
import { type ComplaintModelFile, MODEL_FILE, toComplaintModel } from '../scoring/complaint-model.js';

/** The adopted model in a model folder (e.g. ./data/models, beside the database). */
export const ACTIVE_MODEL = 'complaint-model.json';
/** The model it replaced, kept for `mention-desk model rollback`. */
export const PREVIOUS_MODEL = 'complaint-model.previous.json';
/** The last retrain's verdict, adopted or not: the next one counts only labels newer than it judged. */
export const LAST_RETRAIN = 'last-retrain.json';

/** What the last retrain judged: the newest label it saw, and whether it adopted its candidate. */
export interface LastRetrain {
  labelsUpTo: string;
  adopted: boolean;
  at: string;
}

/** The last retrain's record in the model folder, if any (a damaged one counts as none). */
export function readLastRetrain(modelDir: string): LastRetrain | undefined {
  try {
    const data = JSON.parse(fs.readFileSync(path.join(modelDir, LAST_RETRAIN), 'utf8')) as Partial<LastRetrain>;
    return typeof data.labelsUpTo === 'string' && typeof data.adopted === 'boolean' ? (data as LastRetrain) : undefined;
  } catch {
    return undefined;
  }
}

/** Records the last retrain's verdict. */
export function writeLastRetrain(modelDir: string, record: LastRetrain): void {
  fs.mkdirSync(modelDir, { recursive: true });
  writeAtomically(path.join(modelDir, LAST_RETRAIN), `${JSON.stringify(record)}\n`);
}

/**
 * The model folder: `configured` (MODEL_DIR) when set, else `<folder of the SQLite file>/models`, or
 * ./data/models for PostgreSQL.
 */
export function modelDirFor(databaseUrl: string, configured?: string): string {
  if (configured) return path.resolve(configured);
  if (/^postgres(ql)?:/.test(databaseUrl)) return path.resolve('data', 'models');
  const file = databaseUrl.replace(/^file:/, '').replace(/\?.*$/, '');
  return path.join(path.dirname(path.resolve(file)), 'models');
}

/** The model file in use: the folder's adopted model when there is one, else the packaged one. */
export function activeModelFile(modelDir: string): string {
  const own = path.join(modelDir, ACTIVE_MODEL);
  return fs.existsSync(own) ? own : resolveBundled(MODEL_FILE);
}

/** Reads and checks a model file (throws with the file's name when it is not a model). */
export function readModelFile(file: string): ComplaintModelFile {
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as ComplaintModelFile;
  toComplaintModel(data, file);
  return data;
}

/** One weight per line: a retrained model reads as a reviewable diff. */
export function serializeModel(model: ComplaintModelFile): string {
  return JSON.stringify(model).replace(/,"(?=[a-z]+:)/g, ',\n"') + '\n';
}

// Written beside the target and renamed over it: a reader never sees half a model.
function writeAtomically(file: string, content: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, file);
}

/**
 * Makes `model` the folder's model; the one in use before (the folder's, or a copy of the packaged
 * one) is kept as the previous model to roll back to.
 */
export function adoptModel(modelDir: string, model: ComplaintModelFile): void {
  fs.mkdirSync(modelDir, { recursive: true });
  const current = activeModelFile(modelDir);
  if (fs.existsSync(current)) fs.copyFileSync(current, path.join(modelDir, PREVIOUS_MODEL));
  writeAtomically(path.join(modelDir, ACTIVE_MODEL), serializeModel(model));
}

/**
 * Goes back to the previous model. The two swap, so a second rollback undoes the first. Throws when
 * there is nothing to go back to.
 */
export function rollbackModel(modelDir: string): void {
  const active = path.join(modelDir, ACTIVE_MODEL);
  const previous = path.join(modelDir, PREVIOUS_MODEL);
  if (!fs.existsSync(previous)) throw new Error(`no previous model in ${modelDir}: nothing to roll back to`);
  readModelFile(previous); // a damaged file is refused before anything moves
  const swap = `${active}.${process.pid}.swap`;
  if (fs.existsSync(active)) fs.renameSync(active, swap);
  fs.renameSync(previous, active);
  if (fs.existsSync(swap)) fs.renameSync(swap, previous);
}

/** What `mention-desk model status` shows. */
export interface ModelStatus {
  file: string;
  /** true: the folder's adopted model; false: the packaged one. */
  adopted: boolean;
  trainedOn: Record<string, number>;
  bytes: number;
  changedAt: Date;
  /** The model a rollback would bring back, if any. */
  previous?: { file: string; trainedOn: Record<string, number>; changedAt: Date };
}

/** Which model is in use, what it was trained on, and what a rollback would bring back. */
export function modelStatus(modelDir: string): ModelStatus {
  const file = activeModelFile(modelDir);
  const stat = fs.statSync(file);
  const prevFile = path.join(modelDir, PREVIOUS_MODEL);
  const status: ModelStatus = {
    file,
    adopted: file === path.join(modelDir, ACTIVE_MODEL),
    trainedOn: readModelFile(file).trainedOn,
    bytes: stat.size,
    changedAt: stat.mtime,
  };
  if (fs.existsSync(prevFile))
    status.previous = {
      file: prevFile,
      trainedOn: readModelFile(prevFile).trainedOn,
      changedAt: fs.statSync(prevFile).mtime,
    };
  return status;
}
