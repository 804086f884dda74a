import crypto from 'node:crypto';

/** sha256 of a text with case and spacing folded: two texts differing only there count as the same. */
export function textHash(text: string): string {
  // crypto.hash: one call, no Hash object (about half the cost of createHash for texts this short).
  return crypto.hash('sha256', text.toLowerCase().replace(/\s+/g, ' ').trim(), 'hex');
}
