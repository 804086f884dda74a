import { type ComplaintModel, loadComplaintModel } from './complaint-model.js';
import { detectLanguage } from './detect-language.js';
import { detectQuestion } from './detect-question.js';
import { detectSeverity } from './detect-severity.js';
import { detectTopic } from './detect-topic.js';
import { extractFeatures, type Feature, reasonText } from './extract-features.js';
import { normalizeText } from './normalize-text.js';
import type { ComplaintScore, ScoreReason } from './score-types.js';
import { tokenizeText } from './tokenize-text.js';

export { MAX_SCORED_CHARS } from './normalize-text.js';

/** How many reasons are kept, and the smallest push worth showing a person. */
const MAX_REASONS = 8;
const MIN_REASON_WEIGHT = 0.05;

/** Options of scoreComplaint. */
export interface ScoreOptions {
  /** Scores at or above it are complaints (COMPLAINT_THRESHOLD); default 0.5, the model's break-even. */
  threshold?: number;
  /** The model to use; default the shipped one (models/complaint-model.json), loaded once. */
  model?: ComplaintModel;
}

/**
 * Scores how much `rawText` is a complaint that wants a response, with the reasons. Pure and
 * synchronous: a logistic model over hand-written lexicon phrases (with negation), sentiment words,
 * intensity, question kinds and learned word weights. Texts not in English are marked with their
 * language and not scored as English.
 */
export function scoreComplaint(rawText: unknown, options: ScoreOptions = {}): ComplaintScore {
  const threshold = options.threshold ?? 0.5;
  const text = normalizeText(rawText);
  const tokens = tokenizeText(text);
  const language = detectLanguage(text, tokens);
  if (language !== 'en' && language !== 'und') {
    const reasons = [{ signal: `language ${language}: not scored`, weight: 0 }];
    return {
      score: 0,
      complaint: false,
      reasons,
      topic: detectTopic(text, tokens),
      severity: 'none',
      language,
      isQuestion: detectQuestion(text).isQuestion,
    };
  }
  const { features, question, topic } = extractFeatures(text, tokens);
  const model = options.model ?? loadComplaintModel();
  // Nothing readable (empty, or only links and markup): nothing to answer.
  const { score, reasons } = features.length
    ? weigh(model, features)
    : { score: 0, reasons: [{ signal: 'nothing to score', weight: 0 }] };
  const complaint = score >= threshold;
  return {
    score,
    complaint,
    reasons,
    topic,
    severity: detectSeverity(text, complaint),
    language,
    isQuestion: question.isQuestion,
  };
}

/** The model's score and its reasons: each feature's push (weight × value), gathered by what a person reads. */
function weigh(model: ComplaintModel, features: Feature[]): { score: number; reasons: ScoreReason[] } {
  let z = model.bias;
  const groups = new Map<string, { push: number; feature: Feature }>();
  for (const f of features) {
    const push = (model.weights.get(f.key) ?? 0) * f.value;
    if (push === 0) continue;
    z += push;
    const group = groups.get(f.reason);
    if (group) group.push += push;
    else groups.set(f.reason, { push, feature: f });
  }
  const shown = [...groups.values()].filter((g) => Math.abs(g.push) >= MIN_REASON_WEIGHT);
  shown.sort((a, b) => Math.abs(b.push) - Math.abs(a.push));
  const reasons = shown.slice(0, MAX_REASONS).map((g) => ({ signal: reasonText(g.feature), weight: round(g.push) }));
  return { score: round(1 / (1 + Math.exp(-z))), reasons };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
