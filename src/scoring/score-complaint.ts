import { ACCUSATION, BLAME, TOPIC_WORDS } from './complaint-lexicon.js';
import { detectLanguage } from './detect-language.js';
import { intensitySignals, isQuestion, phraseSignals } from './find-signals.js';
import { PorterStemmer, SentimentAnalyzer } from './natural-parts.js';
import type { ComplaintScore, ScoreReason, Severity, Topic } from './score-types.js';

/** Longer texts are cut before scoring: the first few thousand characters carry the complaint. */
export const MAX_SCORED_CHARS = 4000;
const BIAS = -1.4;
const afinn = new SentimentAnalyzer('English', PorterStemmer, 'afinn');

/**
 * Lower-case words, keeping apostrophes ("doesn't"), without URLs and @handles. Sentence punctuation
 * stays as its own token, so phrases and negation never reach across a sentence.
 */
export function tokenize(text: string): string[] {
  return (text.toLowerCase().replace(/https?:\/\/\S+|@\w+/g, ' ').match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?|[.!?;,]/gu) ?? [])
    .map((t) => t.replace('’', "'"));
}

const isWord = (t: string) => !/^[.!?;,]$/.test(t);

/**
 * Scores how much `text` is a complaint that wants a response, with the reasons. Pure and synchronous.
 * Texts not in English are marked with their language and not scored as English.
 */
export function scoreComplaint(rawText: string, options: { threshold?: number } = {}): ComplaintScore {
  const threshold = options.threshold ?? 0.5;
  const text = String(rawText ?? '').slice(0, MAX_SCORED_CHARS);
  const tokens = tokenize(text);
  const words = tokens.filter(isWord);
  const language = detectLanguage(text, words);
  const question = isQuestion(text);
  if (language !== 'en' && language !== 'und') {
    const reasons = [{ signal: `language ${language}: not scored`, weight: 0 }];
    return { score: 0, complaint: false, reasons, topic: detectTopic(text), severity: 'none', language, isQuestion: question };
  }
  const reasons: ScoreReason[] = [...phraseSignals(tokens), ...intensitySignals(text)];
  const sentiment = words.length ? afinn.getSentiment(words) : 0;
  if (Math.abs(sentiment) >= 0.15) reasons.push({ signal: `overall sentiment ${sentiment.toFixed(2)}`, weight: clamp(-sentiment * 0.8, -1, 1) });
  if (question) reasons.push({ signal: 'asks a question', weight: -0.3 });
  const z = reasons.reduce((sum, r) => sum + r.weight, BIAS);
  const score = round(1 / (1 + Math.exp(-z)));
  reasons.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  return {
    score, complaint: score >= threshold, reasons: reasons.map((r) => ({ ...r, weight: round(r.weight) })),
    topic: detectTopic(text), severity: detectSeverity(text, score), language, isQuestion: question,
  };
}

/** The topic with the most keyword hits; `other` when none. */
export function detectTopic(text: string): Topic {
  let best: Topic = 'other';
  let bestHits = 0;
  for (const [topic, re] of TOPIC_WORDS) {
    const hits = text.match(re)?.length ?? 0;
    if (hits > bestHits) { best = topic; bestHits = hits; }
  }
  return best;
}

function detectSeverity(text: string, score: number): Severity {
  if (score < 0.35) return 'none';
  if (ACCUSATION.test(text)) return 'accusation';
  if (BLAME.test(text)) return 'blame';
  return 'disapproval';
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const round = (x: number) => Math.round(x * 1000) / 1000;
