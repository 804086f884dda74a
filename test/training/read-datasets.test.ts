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

  it('reads the two sentiment sets: negative is complaint-like, Sanders without its irrelevant tweets', () => {
    const { dir, cleanup } = tempDir();
    try {
      fs.mkdirSync(path.join(dir, 'tweeteval-sentiment'));
      for (const [split, text, labels] of [
        ['val', 'awful day\nnice one \n', '0\n2\n'],
        ['test', 'meh\n\n', '1\n0\n'],
      ]) {
        fs.writeFileSync(path.join(dir, 'tweeteval-sentiment', `${split}_text.txt`), text);
        fs.writeFileSync(path.join(dir, 'tweeteval-sentiment', `${split}_labels.txt`), labels);
      }
      fs.mkdirSync(path.join(dir, 'sanders-twitter'));
      fs.writeFileSync(
        path.join(dir, 'sanders-twitter', 'full-corpus.csv'),
        '"Topic","Sentiment","TweetId","TweetDate","TweetText"\n"apple","negative","1","d","@apple my phone\nis dead"\n"google","irrelevant","2","d","hola"\n"twitter","neutral","3","d","ok"\n',
      );
      const sets = readDatasets(dir);
      expect(sets.get('tweeteval-sentiment')).toEqual([
        { text: 'awful day', complaint: true, set: 'tweeteval-sentiment' },
        { text: 'nice one ', complaint: false, set: 'tweeteval-sentiment' },
        { text: 'meh', complaint: false, set: 'tweeteval-sentiment' },
      ]);
      expect(sets.get('sanders-twitter')).toEqual([
        { text: '@apple my phone\nis dead', complaint: true, set: 'sanders-twitter', domain: 'apple' },
        { text: 'ok', complaint: false, set: 'sanders-twitter', domain: 'twitter' },
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
    expect(sets.get('tweeteval-sentiment')!.length).toBe(14284);
    expect(sets.get('tweeteval-sentiment')!.filter((t) => t.complaint).length).toBe(4284);
    expect(sets.get('sanders-twitter')!.length).toBe(3424);
    expect(sets.get('sanders-twitter')!.filter((t) => t.complaint).length).toBe(572);
  });
});
