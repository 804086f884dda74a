import fs from 'node:fs';
import path from 'node:path';
import { toComplaintModel } from '../../src/scoring/complaint-model';
import { scoreComplaint } from '../../src/scoring/score-complaint';
import {
  ACTIVE_MODEL,
  activeModelFile,
  adoptModel,
  modelDirFor,
  modelStatus,
  PREVIOUS_MODEL,
  readModelFile,
  rollbackModel,
} from '../../src/training/model-store';
import type { LabelledText } from '../../src/training/read-datasets';
import { retrainModel } from '../../src/training/retrain-model';
import { tempDir } from '../helpers/temp-db';

const model = (weights: Record<string, number>, bias = 0) => ({
  version: 1 as const,
  bias,
  weights,
  trainedOn: { brand: 1 },
});
const write = (dir: string, name: string, data: unknown) =>
  fs.writeFileSync(path.join(dir, name), JSON.stringify(data));
const zorblax: LabelledText[] = Array.from({ length: 20 }, (_, i) => [
  { text: `the zorblax ${i} wobbles again`, complaint: true, set: 'brand' },
  { text: `the zorblax ${i} sparkles today`, complaint: false, set: 'brand' },
]).flat();

describe('model store', () => {
  it('falls back to the packaged model, adopts into the folder keeping the one it replaces, and rolls back both ways', () => {
    const { dir, cleanup } = tempDir();
    try {
      expect(activeModelFile(dir)).toMatch(/models[/\\]complaint-model\.json$/);
      expect(modelStatus(dir).adopted).toBe(false);
      adoptModel(dir, model({ 'w:wobbl': 1 }));
      expect(activeModelFile(dir)).toBe(path.join(dir, ACTIVE_MODEL));
      expect(readModelFile(path.join(dir, PREVIOUS_MODEL)).trainedOn).toHaveProperty('x-fincorp'); // a copy of the packaged one
      adoptModel(dir, model({ 'w:wobbl': 2 }));
      expect(readModelFile(path.join(dir, PREVIOUS_MODEL)).weights).toEqual({ 'w:wobbl': 1 });
      rollbackModel(dir);
      expect(readModelFile(path.join(dir, ACTIVE_MODEL)).weights).toEqual({ 'w:wobbl': 1 });
      expect(readModelFile(path.join(dir, PREVIOUS_MODEL)).weights).toEqual({ 'w:wobbl': 2 });
      rollbackModel(dir);
      expect(readModelFile(path.join(dir, ACTIVE_MODEL)).weights).toEqual({ 'w:wobbl': 2 });
      expect(modelStatus(dir)).toMatchObject({ adopted: true, previous: { file: path.join(dir, PREVIOUS_MODEL) } });
    } finally {
      cleanup();
    }
  });

  it('has nothing to roll back to at first, and refuses a damaged previous model without moving anything', () => {
    const { dir, cleanup } = tempDir();
    try {
      expect(() => rollbackModel(dir)).toThrow(`no previous model in ${dir}: nothing to roll back to`);
      write(dir, ACTIVE_MODEL, model({ 'w:a': 1 }));
      fs.writeFileSync(path.join(dir, PREVIOUS_MODEL), '{"version":1}');
      expect(() => rollbackModel(dir)).toThrow(/not a complaint model/);
      expect(readModelFile(path.join(dir, ACTIVE_MODEL)).weights).toEqual({ 'w:a': 1 });
    } finally {
      cleanup();
    }
  });

  it('keeps models beside the SQLite database', () => {
    expect(modelDirFor('file:/srv/md/data/mention-desk.db')).toBe(path.resolve('/srv/md/data/models'));
    expect(modelDirFor('postgresql://u@localhost/md')).toBe(path.resolve('data', 'models'));
  });
});

describe('retrainModel', () => {
  it('adopts a candidate that does better on the team labels than the running model, and says by how much', () => {
    const { dir, cleanup } = tempDir();
    try {
      write(dir, ACTIVE_MODEL, model({}, 0.1)); // calls everything a complaint
      const outcome = retrainModel({ modelDir: dir, labels: zorblax });
      expect(outcome.adopted).toBe(true);
      expect(outcome.labels).toBe(40);
      expect(outcome.before!.macroF1).toBeLessThan(0.5);
      expect(outcome.after!.macroF1).toBeGreaterThan(outcome.before!.macroF1);
      expect(outcome.reason).toMatch(
        /^candidate adopted \(macro-F1 0\.\d{3} → \d\.\d{3} on 40 labels\); the previous model is kept for rollback$/,
      );
      const adopted = toComplaintModel(readModelFile(path.join(dir, ACTIVE_MODEL)));
      expect(adopted.trainedOn).toEqual({ brand: 40 });
      expect(scoreComplaint('my zorblax wobbles', { model: adopted }).score).toBeGreaterThan(
        scoreComplaint('my zorblax sparkles', { model: adopted }).score,
      );
      expect(readModelFile(path.join(dir, PREVIOUS_MODEL)).bias).toBe(0.1);
    } finally {
      cleanup();
    }
  });

  it('keeps the running model when the candidate is worse, and touches no file', () => {
    const { dir, cleanup } = tempDir();
    try {
      // Each complaint names a word of its own: the running model knows them all, a candidate cannot learn them in 5 folds.
      const words = ['blorf', 'quazz', 'vrimp', 'snorq', 'plizz', 'trubb', 'gwemp', 'fronk', 'zibbo', 'wuxx'];
      const labels: LabelledText[] = words.flatMap((w) => [
        { text: `the ${w} again`, complaint: true, set: 'brand' },
        { text: `the ${w.split('').reverse().join('')} again`, complaint: false, set: 'brand' },
      ]);
      const running = model(Object.fromEntries(words.map((w) => [`w:${w}`, 4])), -1);
      write(dir, ACTIVE_MODEL, running);
      const outcome = retrainModel({ modelDir: dir, labels });
      expect(outcome.adopted).toBe(false);
      expect(outcome.before!.macroF1).toBe(1);
      expect(outcome.reason).toMatch(
        /^candidate worse \(macro-F1 1\.000 → 0\.\d{3} on 20 labels\): the model is kept$/,
      );
      expect(readModelFile(path.join(dir, ACTIVE_MODEL))).toEqual(running);
      expect(fs.existsSync(path.join(dir, PREVIOUS_MODEL))).toBe(false);
    } finally {
      cleanup();
    }
  });

  it('without the data sets, adjusts the running model: weights the labels never touch stay, its data sets stay credited', () => {
    const { dir, cleanup } = tempDir();
    try {
      write(dir, ACTIVE_MODEL, { ...model({ 'w:xyzzy': 2 }, 0.1), trainedOn: { 'x-fincorp': 6280, brand: 3 } });
      const when = new Date('2026-12-01T10:00:00Z');
      expect(retrainModel({ modelDir: dir, labels: zorblax, labelsUpTo: when }).adopted).toBe(true);
      const adopted = readModelFile(path.join(dir, ACTIVE_MODEL));
      expect(adopted.weights['w:xyzzy']).toBe(2);
      expect(adopted.trainedOn).toEqual({ 'x-fincorp': 6280, brand: 40 });
      expect(adopted.labelsUpTo).toBe('2026-12-01T10:00:00.000Z');
    } finally {
      cleanup();
    }
  });

  it('does not judge on too few labels or labels of one kind', () => {
    const { dir, cleanup } = tempDir();
    try {
      expect(retrainModel({ modelDir: dir, labels: zorblax.slice(0, 3) })).toEqual({
        adopted: false,
        labels: 3,
        reason: '3 labels: too few to judge a candidate; the model is kept',
      });
      expect(retrainModel({ modelDir: dir, labels: zorblax.filter((l) => l.complaint) }).reason).toBe(
        '20 labels of one kind: too few to judge a candidate; the model is kept',
      );
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      cleanup();
    }
  });
});
