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

/**
 * A seeded order of 0..n-1 read one position at a time, without building it: position k maps to
 * (step * k + start) mod n, which visits every index exactly once when step and n share no factor.
 * Same seed, same order; another seed, another step and start. The composer usually needs only its
 * first position, so this costs one hash instead of a shuffle of every combination.
 */
export function seededPermutation(n: number, seed: string): (position: number) => number {
  if (n <= 1) return () => 0;
  const digest = crypto.createHash('sha1').update(seed).digest();
  let step = 1 + (digest.readUInt32BE(0) % (n - 1));
  while (gcd(step, n) !== 1) step = (step % (n - 1)) + 1;
  const start = digest.readUInt32BE(4) % n;
  return (position) => (step * position + start) % n;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}
