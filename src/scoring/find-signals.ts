import { COMPLAINT_PHRASES, NEGATORS, PRAISE_PHRASES, PROFANITY } from './complaint-lexicon.js';
import type { ScoreReason } from './score-types.js';

const PHRASES = new Map<string, number>([...Object.entries(COMPLAINT_PHRASES), ...Object.entries(PRAISE_PHRASES)]);
const ANGRY_EMOJI = /[\u{1F620}\u{1F621}\u{1F624}\u{1F92C}\u{1F44E}\u{1F612}\u{1F644}\u{1F4A2}\u{1F62D}\u{1F62B}\u{1F629}]/gu;
const HAPPY_EMOJI = /[\u{1F60D}\u{1F970}\u{2764}\u{1F64F}\u{1F44D}\u{1F389}\u{1F60A}\u{1F600}\u{1F601}\u{1F499}\u{1F49C}\u{2728}]/gu;

/**
 * Lexicon phrases (1 to 3 words) with negation: "not happy" turns praise into complaint, "no problem"
 * turns a complaint word into nothing. Each phrase counts once.
 */
export function phraseSignals(tokens: string[]): ScoreReason[] {
  const out: ScoreReason[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    for (let n = 3; n >= 1; n--) {
      if (i + n > tokens.length) continue;
      const phrase = n === 1 ? tokens[i] : tokens.slice(i, i + n).join(' ');
      const weight = PHRASES.get(phrase);
      if (weight === undefined || seen.has(phrase)) continue;
      seen.add(phrase);
      const negator = NEGATORS.has(tokens[i]) ? undefined : precedingNegator(tokens, i);
      if (negator && weight < 0) out.push({ signal: `negated praise "${negator} … ${phrase}"`, weight: -weight * 1.3 });
      else if (negator) out.push({ signal: `negated complaint "${negator} … ${phrase}"`, weight: -weight * 0.5 });
      else out.push({ signal: `${weight > 0 ? 'complaint' : 'praise'} "${phrase}"`, weight });
      i += n - 1;
      break;
    }
  }
  return out;
}

// Negation reaches two words back and stops at a conjunction ("never came and nobody called").
const SCOPE_BREAKERS = new Set(['and', 'but', 'so', 'because', 'then', 'or', '.', '!', '?', ';', ',']);

function precedingNegator(tokens: string[], i: number): string | undefined {
  for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
    if (SCOPE_BREAKERS.has(tokens[j])) return undefined;
    if (NEGATORS.has(tokens[j])) return tokens[j];
  }
  return undefined;
}

/** Shouting, repeated punctuation, angry emoji, profanity; happy emoji pull the other way. */
export function intensitySignals(text: string): ScoreReason[] {
  const out: ScoreReason[] = [];
  const words = text.match(/\b[A-Za-z]{3,}\b/g) ?? [];
  const caps = words.filter((w) => w === w.toUpperCase()).length;
  if (words.length >= 3 && caps / words.length >= 0.5) out.push({ signal: 'shouting (mostly capitals)', weight: 0.6 });
  else if (caps >= 2) out.push({ signal: 'words in capitals', weight: 0.3 });
  if (/[!?]{3,}|!{2,}/.test(text)) out.push({ signal: 'repeated punctuation', weight: 0.4 });
  const angry = text.match(ANGRY_EMOJI)?.length ?? 0;
  if (angry) out.push({ signal: `angry emoji ×${angry}`, weight: Math.min(1.2, 0.5 * angry) });
  const happy = text.match(HAPPY_EMOJI)?.length ?? 0;
  if (happy) out.push({ signal: `happy emoji ×${happy}`, weight: -Math.min(1.2, 0.5 * happy) });
  if (PROFANITY.test(text)) out.push({ signal: 'profanity', weight: 0.5 });
  return out;
}

const QUESTION_START = /^(how|what|when|where|why|who|which|can|could|does|do|is|are|will|would|should|any|anyone)\b/i;

/** A question asks for help or information; on its own it is not a complaint. */
export function isQuestion(text: string): boolean {
  const t = text.trim();
  return /\?\s*$/.test(t) || (QUESTION_START.test(t) && t.includes('?'));
}
