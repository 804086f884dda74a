import crypto from 'node:crypto';

/** sha256 of a text with case and spacing folded: two texts differing only there count as the same. */
export function textHash(text: string): string {
  return crypto.createHash('sha256').update(text.toLowerCase().replace(/\s+/g, ' ').trim()).digest('hex');
}
