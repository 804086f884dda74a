import crypto from 'node:crypto';

/** A stable pseudo-random number in [0, 1) from a seed: same mention, same choice; new mention, new choice. */
export function seededUnit(seed: string): number {
  return crypto.createHash('sha1').update(seed).digest().readUInt32BE(0) / 2 ** 32;
}

/** One variant, chosen by seed. */
export function pickVariant<T>(variants: readonly T[], seed: string): T {
  if (!variants.length) throw new Error('pickVariant: no variants');
  return variants[Math.floor(seededUnit(seed) * variants.length)];
}

/** Indices 0..n-1 in an order shuffled by seed (Fisher-Yates driven by a PRNG seeded once). */
export function seededOrder(n: number, seed: string): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  const next = mulberry32(Math.floor(seededUnit(seed) * 2 ** 32));
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

// A small, fast, well-distributed PRNG: one hash per shuffle instead of one per element.
function mulberry32(state: number): () => number {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
