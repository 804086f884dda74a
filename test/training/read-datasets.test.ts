import fs from 'node:fs';
import path from 'node:path';
import { readDatasets } from '../../src/training/read-datasets';
import { tempDir } from '../helpers/temp-db';

describe('readDatasets', () => {
  it('reads both sets with quoted line breaks, repeated CESAMARD columns and titles', () => {
    const { dir, cleanup } = tempDir();
    try {
      fs.mkdirSync(path.join(dir, 'x-fincorp'));
      fs.writeFileSync(
        path.join(dir, 'x-fincorp', 'X-FINCORP.converted.csv'),
        'Domain,Complaint/ Opinion,Complaint Label,Complaint_Cause,Severity level,Sentiment,Emotion\n' +
          'ATM,"@bank my card\nwas eaten, ""again""",1,card eaten,Blame,negative,anger\n' +
          'Economy,markets are up,0,,Non-Complaint,neutral,joy\n' +
          'Economy,,1,,Blame,neutral,joy\n',
      );
      fs.mkdirSync(path.join(dir, 'cesamard'));
      fs.writeFileSync(
        path.join(dir, 'cesamard', 'CESAMARD-Aspect_Dataset.csv'),
        'Title,Review_S,Complaint,Severity,Domain,Aspect Term,Aspect Term\n' +
          'Broken,"\\n arrived cracked\\n",1,Disapproval,Electronics,a,b\n',
      );
      const sets = readDatasets(dir);
      expect(sets.get('x-fincorp')).toEqual([
        {
          text: '@bank my card\nwas eaten, "again"',
          complaint: true,
          set: 'x-fincorp',
          severity: 'Blame',
          domain: 'ATM',
        },
        { text: 'markets are up', complaint: false, set: 'x-fincorp', severity: 'Non-Complaint', domain: 'Economy' },
      ]);
      expect(sets.get('cesamard')).toEqual([
        {
          text: 'Broken. \\n arrived cracked\\n',
          complaint: true,
          set: 'cesamard',
          severity: 'Disapproval',
          domain: 'Electronics',
        },
      ]);
    } finally {
      cleanup();
    }
  });

  it('finds nothing in a folder that is not there', () => {
    expect(readDatasets('/nonexistent/data').size).toBe(0);
  });

  it('reads the shared data sets as their README describes them', () => {
    const dir = path.join(__dirname, '../../../shared/data');
    if (!fs.existsSync(dir)) return console.warn(`skipped: ${dir} is absent (the labelled data sets live there)`);
    const sets = readDatasets(dir);
    expect(sets.get('x-fincorp')!.length).toBe(6280);
    expect(sets.get('x-fincorp')!.filter((t) => t.complaint).length).toBe(3148);
    expect(sets.get('cesamard')!.length).toBeGreaterThan(3890);
    expect(sets.get('cesamard')!.filter((t) => t.complaint).length).toBe(1294);
  });
});
