import type { WordClusters } from './complaint-model.js';
import { describeWord } from './describe-word.js';
import { detectQuestion, type QuestionKind } from './detect-question.js';
import { detectRequest, type RequestCue } from './detect-request.js';
import { detectTopic } from './detect-topic.js';
import { findContrast } from './find-contrast.js';
import { findIntensity } from './find-intensity.js';
import { findPhrases, negatorBefore, type PhraseHit } from './find-phrases.js';
import { findStance } from './find-stance.js';
import { markPraised } from './mark-praised.js';
import { markResolved } from './mark-resolved.js';
import type { Topic } from './score-types.js';
import { tokenizeText } from './tokenize-text.js';

/**
 * One model input. `key` names the weight it is multiplied by. Features with the same `reason` are
 * shown to a person as one ("never arrived" gathers its words and its phrase); `reason` is the text
 * shown, except for a word outside any phrase: there it is the word's key, and `word` (with `negator`)
 * gives the text, built only for the reasons actually shown (see reasonText).
 *
 * Keys: `lex:<kind>` a lexicon phrase (value = its hand weight); `w:<stem>` a word, `n:<stem>` a
 * negated word (value 1, once per text); `c:<n>` a word of GloVe word cluster n (value 1, once per text);
 * `afinn:neg|pos` a sentiment word outside any phrase (value =
 * |polarity| / 5); `int:*` intensity (`int:cheer`: an exclamation with nothing wrong); `q:*` question
 * kinds; `req:ask` a request for information or service, `req:only` one with nothing wrong in the text; `sarc:cue`
 * sarcasm cues; `stance:commentary` words about the world (value = their hand
 * weights), `stance:detached` no I, no you and nothing a company provides (see findStance).
 */
export interface Feature {
  key: string;
  value: number;
  reason: string;
  word?: string;
  negator?: string;
  /** For a word-cluster feature (`c:<n>`): the word that names the cluster. */
  cluster?: string;
}

/** What a person reads for a feature (and the features that share its reason). */
export function reasonText(f: Feature): string {
  if (f.cluster !== undefined)
    return f.word === f.cluster ? `words like '${f.cluster}'` : `words like '${f.cluster}' ("${f.word}")`;
  if (f.word === undefined) return f.reason;
  return f.negator ? `negated "${f.negator} … ${f.word}"` : `word "${f.word}"`;
}

/** The features of one text and what was found on the way. */
export interface TextFeatures {
  features: Feature[];
  tokens: string[];
  /** Number of word tokens. */
  wordCount: number;
  /** Porter stem of each token ('' for sentence breaks and commas), for the topic. */
  stems: string[];
  question: QuestionKind;
  /** Whether it asks for information or a service (detectRequest). */
  request: RequestCue;
  /** What the text is about (detectTopic). */
  topic: Topic;
}

/**
 * Where each general weight must stay, whatever a training set says. Shouting, profanity and angry
 * emoji at a brand always add to a complaint, though finance chatter is full of them; a how-to question
 * is not a complaint even where a data set labels every tweet to a bank "complaint", and neither is a
 * question or request as such: most questions to a support account ask for information or a service,
 * and one that reports a problem is a complaint by its problem ("why has my bill gone up?"). Commentary words
 * count at least at their hand weight: product reviews, all the writer's own experience, have none to
 * learn from. An exclamation with nothing wrong never adds. The trainer keeps the weights inside these bounds.
 */
export const FEATURE_BOUNDS: Record<string, [number, number]> = {
  'lex:complaint': [0, Infinity],
  'lex:praise': [0, Infinity],
  'afinn:neg': [0, Infinity],
  'afinn:pos': [-Infinity, 0],
  'vader:neg': [0, Infinity],
  'vader:pos': [-Infinity, 0],
  'int:shouting': [0.5, Infinity],
  'int:caps': [0.2, Infinity],
  'int:punct': [0.2, Infinity],
  'int:angry_emoji': [0.3, Infinity],
  'int:happy_emoji': [-Infinity, -0.3],
  'int:profanity': [0.5, Infinity],
  'int:elongated': [0.2, Infinity],
  'sarc:cue': [0.5, Infinity],
  'q:why': [0.3, Infinity],
  'q:how_to': [-Infinity, -1],
  'q:question': [-Infinity, 0],
  'req:ask': [-Infinity, 0],
  'req:only': [-Infinity, -0.5],
  'int:cheer': [-Infinity, 0],
  'stance:commentary': [1, Infinity],
};

const REASON: Record<PhraseHit['kind'], (h: PhraseHit) => string> = {
  complaint: (h) => `complaint "${h.phrase}"`,
  praise: (h) => `praise "${h.phrase}"`,
  negated_praise: (h) => `negated praise "${h.negator} … ${h.phrase}"`,
  negated_complaint: (h) => `negated complaint "${h.negator} … ${h.phrase}"`,
  sarcasm: (h) => `sarcasm "${h.phrase}"`,
  resolved: (h) => `resolved "${h.phrase}"`,
  praised: (h) => `praised "${h.phrase}"`,
};

// Praise and complaint phrases share two learned scales: negated praise and sarcasm are complaint
// phrases, negated complaint words are praise. Their own counts are too small to learn a scale from.
const KEY: Record<PhraseHit['kind'], string> = {
  complaint: 'lex:complaint',
  negated_praise: 'lex:complaint',
  sarcasm: 'lex:complaint',
  praise: 'lex:praise',
  negated_complaint: 'lex:praise',
  resolved: 'lex:praise',
  praised: 'lex:praise',
};
const SATURATING = new Set(['lex:complaint', 'lex:praise', 'afinn:neg', 'afinn:pos', 'vader:neg', 'vader:pos']);
/** Intensity that says something is wrong even without a complaint word: a request said with it is not a plain one. */
const ANGRY = new Set(['int:profanity', 'int:angry_emoji', 'sarc:cue', 'int:shouting']);

/**
 * Features of `text`, which must already be normalised (normalizeText). Pure; the hot path. `clusters`:
 * the model's word clusters, when it has them.
 */
export function extractFeatures(
  text: string,
  tokens: string[] = tokenizeText(text),
  clusters?: WordClusters,
): TextFeatures {
  const features: Feature[] = [];
  const emphasis = findContrast(tokens);
  // Which phrase (if any) owns each token, so its word features are shown under the phrase; and where
  // the last phrase ended, since a negator inside a phrase reaches no further.
  const owner: Array<string | undefined> = new Array(tokens.length);
  const floorAt = new Int32Array(tokens.length);
  const intensity = findIntensity(text);
  const question = detectQuestion(text);
  const phrases = findPhrases(tokens);
  // Once a text is sarcastic ("great 👏 service 👏", "thanks for nothing"), its praise is a complaint;
  // otherwise a problem told as over, or named by praise, is not one ("the outage was fixed", "props for the outage
  // map").
  const sarcastic = intensity.some((h) => h.key === 'sarc:cue') || phrases.some((h) => h.kind === 'sarcasm');
  if (!sarcastic) markPraised(tokens, markResolved(tokens, phrases, question.isQuestion));
  for (const hit of phrases) {
    const ironic = sarcastic && hit.kind === 'praise';
    const reason = ironic ? `sarcastic praise "${hit.phrase}"` : REASON[hit.kind](hit);
    const value = (ironic ? -hit.weight : hit.weight) * (emphasis?.[hit.start] ?? 1);
    features.push({ key: ironic ? 'lex:complaint' : KEY[hit.kind], value, reason });
    for (let i = hit.start; i < hit.end; i++) owner[i] = reason;
    // The negator that flipped a phrase is part of it ("not … happy"), not a word of its own.
    if (hit.negator)
      for (let j = hit.start - 1; j >= hit.start - 3 && j >= 0; j--)
        if (tokens[j] === hit.negator) {
          owner[j] = reason;
          break;
        }
    floorAt.fill(hit.end, hit.end);
  }
  const seen = new Set<string>();
  const seenClusters = new Set<number>();
  const stems: string[] = new Array(tokens.length).fill('');
  let wordCount = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === '.' || token === ',') continue;
    wordCount++;
    const info = describeWord(token);
    stems[i] = info.stem;
    const negator = info.negator ? undefined : negatorBefore(tokens, i, floorAt[i]);
    const phrase = owner[i];
    const polarity = phrase ? 0 : negator ? -info.polarity : info.polarity;
    const valence = phrase ? 0 : negator ? -info.vader : info.vader;
    // Lexicon words keep their hand weight (a learned one would carry the training set's habits).
    const key = phrase || !info.learned ? undefined : negator ? info.negatedKey : info.key;
    const newKey = key !== undefined && !seen.has(key);
    if (polarity === 0 && valence === 0 && !newKey) continue;
    const reason = phrase ?? (negator ? info.negatedKey : info.key);
    const word = phrase ? undefined : token;
    if (polarity !== 0)
      features.push({
        key: polarity < 0 ? 'afinn:neg' : 'afinn:pos',
        value: (Math.abs(polarity) / 5) * (emphasis?.[i] ?? 1),
        reason,
        word,
        negator,
      });
    if (valence !== 0)
      features.push({
        key: valence < 0 ? 'vader:neg' : 'vader:pos',
        value: (Math.abs(valence) / 4) * (emphasis?.[i] ?? 1),
        reason,
        word,
        negator,
      });
    if (newKey) seen.add(key), features.push({ key, value: 1, reason, word, negator });
    // A word the labelled sets never used still counts like its neighbours in meaning.
    const cluster = key !== undefined && !negator && clusters ? clusters.of.get(token) : undefined;
    if (cluster !== undefined && !seenClusters.has(cluster)) {
      seenClusters.add(cluster);
      features.push({
        key: `c:${cluster}`,
        value: 1,
        reason: `c:${cluster}`,
        word: token,
        cluster: clusters!.label[cluster],
      });
    }
  }
  saturate(features);
  const wrong = features.some(
    (f) => (f.key === 'lex:complaint' && f.value > 0) || f.key === 'afinn:neg' || f.key === 'vader:neg',
  );
  // "didn't know you had one!": an exclamation with nothing wrong in the text is delight, not anger.
  if (!wrong && text.includes('!') && !text.includes('!!'))
    features.push({ key: 'int:cheer', value: 1, reason: 'exclaims, with nothing wrong' });
  for (const hit of intensity) features.push(hit);
  const request = detectRequest(text, question.isQuestion);
  if (request.request) {
    const asks = request.cue ? `asks "${request.cue}"` : 'asks a question';
    if (request.cue) features.push({ key: 'req:ask', value: 1, reason: asks });
    // "does the router come with a spare cable?": asking, with nothing wrong said, is a request.
    if (!wrong && !question.why && !intensity.some((h) => ANGRY.has(h.key))) {
      features.push({ key: 'req:only', value: 1, reason: `${asks}, with nothing wrong (a request)` });
    }
  }
  const topic = detectTopic(text, tokens, stems);
  if (wordCount) for (const hit of findStance(tokens, topic !== 'other', owner)) features.push(hit);
  if (question.isQuestion) features.push({ key: 'q:question', value: 1, reason: 'asks a question' });
  if (question.why) features.push({ key: 'q:why', value: 1, reason: 'asks why (a grievance)' });
  if (question.howTo) features.push({ key: 'q:how_to', value: 1, reason: 'asks how to (a request for help)' });
  return { features, tokens, wordCount, stems, question, request, topic };
}

/**
 * Ten praise words in a long review are not ten times one: past 1, each sum grows like a square root
 * (1 + 2(√S − 1)), shared out over its phrases.
 */
function saturate(features: Feature[]): void {
  const sums = new Map<string, number>();
  for (const f of features) if (SATURATING.has(f.key)) sums.set(f.key, (sums.get(f.key) ?? 0) + Math.abs(f.value));
  for (const f of features) {
    const sum = sums.get(f.key);
    if (sum !== undefined && sum > 1) f.value *= (1 + 2 * (Math.sqrt(sum) - 1)) / sum;
  }
}
