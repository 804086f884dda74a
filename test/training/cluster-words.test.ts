import fs from 'node:fs';
import path from 'node:path';
import { clusterWords, DEFAULT_CLUSTERS, kMeans } from '../../src/training/cluster-words';
import { tempDir } from '../helpers/temp-db';

describe('kMeans', () => {
  it('puts words near each other in one cluster, the same way every time', () => {
    const v = {
      words: ['a', 'b', 'c', 'd'],
      dims: 2,
      vectors: Float32Array.from([1, 0, 0.99, 0.14, 0, 1, 0.14, 0.99]),
    };
    const once = kMeans(v, 2, 5);
    expect(once[0]).toBe(once[1]);
    expect(once[2]).toBe(once[3]);
    expect(once[0]).not.toBe(once[2]);
    expect(kMeans(v, 2, 5)).toEqual(once);
  });
});

describe('clusterWords', () => {
  it('reads the int8 GloVe layout and ships only word lists, most frequent first, function words skipped', () => {
    const { dir, cleanup } = tempDir();
    try {
      fs.writeFileSync(path.join(dir, 'vocab.txt'), 'the\nrefund\nhappy\nrefunds\nglad\n');
      fs.writeFileSync(path.join(dir, 'meta.json'), JSON.stringify({ dimensions: 2, scale: [0.01, 0.01] }));
      fs.writeFileSync(
        path.join(dir, 'vectors.i8'),
        Buffer.from(Int8Array.from([50, 50, 100, 0, 0, 100, 90, 10, 5, 90]).buffer),
      );
      const table = clusterWords(dir, { words: 10, clusters: 2, iterations: 5, skip: new Set(['the']) });
      expect([...table.words].sort()).toEqual(['happy glad', 'refund refunds']);
      expect(table.source).toMatch(/4 most frequent words/);
    } finally {
      cleanup();
    }
  });

  it('clusters the shared GloVe vectors into a table under 2 MB', () => {
    const dir = path.join(__dirname, '../../../shared/data/glove-100d');
    if (!fs.existsSync(dir)) return console.warn(`skipped: ${dir} is absent (the GloVe vectors live there)`);
    const table = clusterWords(dir, { ...DEFAULT_CLUSTERS, words: 3000, clusters: 64, iterations: 4 });
    expect(table.words.length).toBeGreaterThan(32);
    expect(JSON.stringify(table).length).toBeLessThan(2_000_000);
    const money = table.words.find((w) => w.split(' ').includes('money'))!.split(' ');
    expect(money).toEqual(expect.arrayContaining(['money']));
    expect(money.length).toBeGreaterThan(1);
    expect(table.words.join(' ').split(' ').includes('the')).toBe(false);
  });
});
