import fs from 'node:fs';
import path from 'node:path';
import type { WordClusterFile } from '../scoring/complaint-model.js';
import { stopwords } from '../scoring/natural-parts.js';

/** How the word clusters are made from GloVe. */
export interface ClusterOptions {
  /** The most frequent GloVe words that get a cluster (function words and non-words skipped). */
  words: number;
  /** Number of clusters. */
  clusters: number;
  /** k-means rounds. */
  iterations: number;
  /** Words that get no cluster (function words: they describe a data set's style, not a complaint). */
  skip?: Set<string>;
}

export const DEFAULT_CLUSTERS: ClusterOptions = {
  words: 20_000,
  clusters: 256,
  iterations: 12,
  skip: new Set(stopwords),
};

/** Where the GloVe vectors are, under the labelled-data folder (../shared/data). */
export const GLOVE_FOLDER = 'glove-100d';

/** Clusters from `<dataDir>/glove-100d` when it is there (about 10 s), else undefined. */
export function findWordClusters(
  dataDir: string,
  options: ClusterOptions = DEFAULT_CLUSTERS,
): WordClusterFile | undefined {
  const dir = path.join(dataDir, GLOVE_FOLDER);
  return fs.existsSync(path.join(dir, 'vectors.i8')) ? clusterWords(dir, options) : undefined;
}

/** GloVe vectors as shipped in ../shared/data/glove-100d (int8 with a scale per dimension), unit length. */
export interface WordVectors {
  words: string[];
  dims: number;
  vectors: Float32Array;
}

/** Reads the first `limit` words of the GloVe folder (most frequent first), each vector scaled to unit length. */
export function readGlove(dir: string, limit: number, keep: (word: string) => boolean = () => true): WordVectors {
  const meta = JSON.parse(fs.readFileSync(path.join(dir, 'meta.json'), 'utf8')) as {
    dimensions: number;
    scale: number[];
  };
  const vocab = fs.readFileSync(path.join(dir, 'vocab.txt'), 'utf8').split('\n');
  const raw = fs.readFileSync(path.join(dir, 'vectors.i8'));
  const bytes = new Int8Array(raw.buffer, raw.byteOffset, raw.length);
  const dims = meta.dimensions;
  if (bytes.length < vocab.filter(Boolean).length * dims)
    throw new Error(`${dir}: vectors.i8 holds fewer rows than vocab.txt has words`);
  const words: string[] = [];
  const rows: number[] = [];
  for (let i = 0; i < vocab.length && words.length < limit; i++) {
    if (vocab[i] && keep(vocab[i])) words.push(vocab[i]), rows.push(i);
  }
  const vectors = new Float32Array(words.length * dims);
  rows.forEach((row, w) => {
    let norm = 0;
    for (let d = 0; d < dims; d++) {
      const x = bytes[row * dims + d] * meta.scale[d];
      vectors[w * dims + d] = x;
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) vectors[w * dims + d] /= norm;
  });
  return { words, dims, vectors };
}

/**
 * Spherical k-means (cosine similarity) over unit vectors, deterministic: the first centres are words
 * spread evenly over the frequency order. Returns the cluster of each word.
 */
export function kMeans(v: WordVectors, k: number, iterations: number): Int32Array {
  const { dims, vectors } = v;
  const n = v.words.length;
  const centres = new Float32Array(k * dims);
  for (let c = 0; c < k; c++)
    centres.set(vectors.subarray(Math.floor((c * n) / k) * dims, (Math.floor((c * n) / k) + 1) * dims), c * dims);
  const assign = new Int32Array(n);
  for (let it = 0; it < iterations; it++) {
    for (let w = 0; w < n; w++) {
      let best = 0,
        bestSim = -Infinity;
      const o = w * dims;
      for (let c = 0; c < k; c++) {
        let sim = 0;
        const co = c * dims;
        for (let d = 0; d < dims; d++) sim += vectors[o + d] * centres[co + d];
        if (sim > bestSim) (bestSim = sim), (best = c);
      }
      assign[w] = best;
    }
    centres.fill(0);
    for (let w = 0; w < n; w++) for (let d = 0; d < dims; d++) centres[assign[w] * dims + d] += vectors[w * dims + d];
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += centres[c * dims + d] ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dims; d++) centres[c * dims + d] /= norm;
    }
  }
  return assign;
}

/**
 * Word clusters from the GloVe folder: the table the model ships (cluster -> its words, most frequent
 * first, so the first word names the cluster in reasons). Words near each other in meaning share a
 * feature, so a word the labelled sets never used still counts like its neighbours ("reimbursement" like
 * "refund"). Only the table ships, never the vectors.
 */
export function clusterWords(gloveDir: string, options: ClusterOptions = DEFAULT_CLUSTERS): WordClusterFile {
  const isWord = (w: string) => /^[a-z][a-z']*$/.test(w) && w.length > 1 && !options.skip?.has(w);
  const vectors = readGlove(gloveDir, options.words, isWord);
  const assign = kMeans(vectors, options.clusters, options.iterations);
  const members: string[][] = Array.from({ length: options.clusters }, () => []);
  vectors.words.forEach((w, i) => members[assign[i]].push(w));
  const nonEmpty = members.filter((m) => m.length);
  return {
    source:
      `GloVe 6B 100d, ${vectors.words.length} most frequent words, ` +
      `spherical k-means k=${options.clusters} x${options.iterations}`,
    words: nonEmpty.map((m) => m.join(' ')),
  };
}
