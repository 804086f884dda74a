import fs from 'node:fs';
import path from 'node:path';
import { loadComplaintModel, MODEL_FILE, toComplaintModel } from '../../src/scoring/complaint-model';
import { FEATURE_BOUNDS } from '../../src/scoring/extract-features';

describe('the complaint model file', () => {
  it('refuses something that is not a model, with a way out', () => {
    expect(() => toComplaintModel({ version: 2 }, 'x.json')).toThrow(/x\.json: not a complaint model.*npm run train/);
    expect(() => toComplaintModel(null)).toThrow(/not a complaint model/);
  });

  it('drops weights that are not finite numbers', () => {
    expect([...toComplaintModel({ version: 1, bias: 0, weights: { a: 1, b: 'x', c: null } }).weights.keys()]).toEqual([
      'a',
    ]);
  });

  it('ships trained on both data sets, small, inside the hand-written bounds', () => {
    const model = loadComplaintModel();
    expect(loadComplaintModel()).toBe(model); // loaded once
    expect(model.trainedOn).toMatchObject({ 'x-fincorp': expect.any(Number), cesamard: expect.any(Number) });
    expect(fs.statSync(path.join(__dirname, '../..', MODEL_FILE)).size).toBeLessThan(1_000_000);
    for (const [key, [low, high]] of Object.entries(FEATURE_BOUNDS)) {
      const w = model.weights.get(key) ?? 0;
      expect({ key, inside: w >= low - 1e-9 && w <= high + 1e-9 }).toEqual({ key, inside: true });
    }
    expect(model.weights.get('lex:complaint')).toBeGreaterThan(0.5);
  });
});
