import type { PhraseHit } from './find-phrases.js';
import { splitSegments } from './split-segments.js';

/**
 * Praise that names what it praises after "for", "to" or "on": "props for the outage map", "thanks for sorting the
 * refund".
 */
const PRAISE_WITH_OBJECT = new Set([
  'thanks',
  'thank you',
  'thx',
  'cheers',
  'props',
  'kudos',
  'shout out',
  'shoutout',
  'well done',
  'good job',
]);
const OBJECT_MARKERS = new Set(['for', 'to', 'on']);

/** Complaining about something good is a joke: "I'd like to complain about how good the new app is". */
const COMPLAINT_WORDS = new Set(['complain', 'complaint', 'complained']);

/**
 * Complaint words that praise, not complain, become `praised` (no weight of their own; the praise
 * around them counts): what a "props for" or "thanks for" names, up to the next comma or sentence
 * ("props for the outage map"), and a complaint word followed, in the same part of a sentence, by
 * praise ("complain about how good"). For texts that are not sarcastic (there, praise is the
 * complaint). Changes `hits` in place and returns it.
 */
export function markPraised(tokens: string[], hits: PhraseHit[]): PhraseHit[] {
  if (!hits.some((h) => h.kind === 'praise') || !hits.some((h) => h.kind === 'complaint')) return hits;
  for (const [start, end] of splitSegments(tokens, true)) {
    const inside = hits.filter((h) => h.start >= start && h.end <= end);
    const praiseFor = inside.find(
      (h) => h.kind === 'praise' && PRAISE_WITH_OBJECT.has(h.phrase) && OBJECT_MARKERS.has(tokens[h.end]),
    );
    for (const h of inside) {
      if (h.kind !== 'complaint') continue;
      const named = praiseFor !== undefined && h.start > praiseFor.start;
      const joke = COMPLAINT_WORDS.has(h.phrase) && inside.some((p) => p.kind === 'praise' && p.start > h.start);
      if (named || joke) Object.assign(h, { kind: 'praised', weight: 0 });
    }
  }
  return hits;
}
