import { negatorBefore, type PhraseHit } from './find-phrases.js';
import { splitSegments } from './split-segments.js';

/** Words that say a problem is over: "the outage was fixed", "bill sorted", "refunded in 2 days". */
const RESOLVED = new Set(['fixed', 'sorted', 'resolved', 'solved', 'restored', 'repaired', 'refunded']);

/**
 * Just before a resolution word (three words), these make it a wish: "be fixed", "get it sorted", "needs to be
 * resolved".
 */
const WISH = new Set([
  'be',
  'get',
  'gets',
  'getting',
  'to',
  'will',
  'need',
  'needs',
  'want',
  'should',
  'must',
  'please',
  'pls',
]);

/** Anywhere before it in the same part of the sentence, these make it a condition: "until the outage is fixed". */
const CONDITION = new Set(['until', 'till', 'if', 'when', 'unless', 'once']);

/**
 * A problem told as over is not a complaint: in a part of a sentence that says, as a fact, that
 * something was fixed, sorted or refunded ("the outage last night was fixed before I noticed"), the
 * complaint phrases become `resolved` (weighted like a negated complaint). A wish ("please get it
 * fixed"), a negation ("still not fixed"), what follows a "but", or a text that asks ("is it fixed?")
 * changes nothing. Changes `hits` in place and returns it.
 */
export function markResolved(tokens: string[], hits: PhraseHit[], isQuestion: boolean): PhraseHit[] {
  if (isQuestion || !hits.some((h) => h.kind === 'complaint')) return hits;
  for (const [start, end] of splitSegments(tokens)) {
    if (!saysResolved(tokens, start, end)) continue;
    for (const h of hits) {
      if (h.kind === 'complaint' && h.start >= start && h.end <= end)
        Object.assign(h, { kind: 'resolved', weight: -h.weight * 0.5 });
    }
  }
  return hits;
}

/** Whether tokens[from, to) state a resolution as a fact. */
function saysResolved(tokens: string[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (!RESOLVED.has(tokens[i]) || negatorBefore(tokens, i, from) !== undefined) continue;
    let notYet = false;
    for (let j = from; j < i; j++) if (CONDITION.has(tokens[j]) || (j >= i - 3 && WISH.has(tokens[j]))) notYet = true;
    if (!notYet) return true;
  }
  return false;
}
