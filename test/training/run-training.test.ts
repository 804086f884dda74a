import fs from 'node:fs';
import path from 'node:path';
import { toComplaintModel } from '../../src/scoring/complaint-model';
import { scoreComplaint } from '../../src/scoring/score-complaint';
import { runTraining } from '../../src/training/run-training';
import { tempDb } from '../helpers/temp-db';

describe('runTraining', () => {
  it('without the data sets, says so and trains from the brand labels alone', async () => {
    const { db, url, dir, close } = await tempDb();
    try {
      const rows = Array.from({ length: 30 }, (_, i) => [
        { text: `the zorblax ${i} wobbles again`, complaint: true, source: 'slack:opened_case', by: 'U1' },
        { text: `the zorblax ${i} sparkles today`, complaint: false, source: 'slack:not_a_complaint', by: 'U1' },
      ]).flat();
      await db.label.createMany({ data: rows });
      const lines: string[] = [];
      const outFile = path.join(dir, 'model.json');
      const trained = await runTraining({
        dataDir: path.join(dir, 'no-data'),
        databaseUrl: url,
        outFile,
        write: (l) => lines.push(l),
      });
      expect(trained).toBe(true);
      expect(lines[0]).toMatch(/No labelled data sets in .*no-data: skipping them/);
      expect(lines).toContainEqual('brand: 60 brand labels (30 complaints, 30 not) from the database');
      expect(lines.join('\n')).toMatch(
        /brand labels, cross-validated: at 0\.5 macro-F1 \d\.\d{3}; best at COMPLAINT_THRESHOLD=0\.\d+/,
      );
      const model = toComplaintModel(JSON.parse(fs.readFileSync(outFile, 'utf8')));
      expect(model.trainedOn).toEqual({ brand: 60 });
      expect(scoreComplaint('my zorblax wobbles', { model }).score).toBeGreaterThan(
        scoreComplaint('my zorblax sparkles', { model }).score,
      );
    } finally {
      await close();
    }
  });

  it('with nothing to learn from, leaves the model file alone', async () => {
    const { dir, url, close } = await tempDb();
    try {
      const outFile = path.join(dir, 'model.json');
      fs.writeFileSync(outFile, 'previous');
      const lines: string[] = [];
      expect(await runTraining({ dataDir: dir, databaseUrl: url, outFile, write: (l) => lines.push(l) })).toBe(false);
      expect(fs.readFileSync(outFile, 'utf8')).toBe('previous');
      expect(lines.at(-1)).toMatch(/Nothing to train on .* is left as it is/);
    } finally {
      await close();
    }
  });
});
