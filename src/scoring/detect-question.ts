/** What kind of question a text asks, if any. */
export interface QuestionKind {
  /** The text asks something (ends with a question mark, or opens with a question word and has one). */
  isQuestion: boolean;
  /** "Why has my bill gone up?": a question that carries a grievance. */
  why: boolean;
  /** "How do I port my number?": asks for help or information. */
  howTo: boolean;
}

const QUESTION_START =
  /^(how|what|when|where|why|who|which|can|could|does|do|did|is|are|was|will|would|should|any|anyone|has|have)\b/i;
const WHY = new RegExp(
  String.raw`\b(why|how come|what'?s going on|what is going on|what the hell` +
    String.raw`|seriously|how (long|many more|much longer)|where('s| is` +
    String.raw`| are) my|when (will|do|can) i (get|receive|see)|where is (it` +
    String.raw`|the refund|the money))\b`,
  'i',
);
const HOW_TO = new RegExp(
  String.raw`\b(how (do|can|should|would|to)|can (i|we|you|my|existing)` +
    String.raw`|could (i|we|you)|is (it|there) (possible|a way|any way)` +
    String.raw`|are there|do you (have|offer|sell|do|support|ship|deliver)` +
    String.raw`|does (it|this|the [\w -]{1,30}) (have|support|include|work with)` +
    String.raw`|what time|which|anyone know|is [\w -]{1,40} (included|available` +
    String.raw`|compatible|supported))\b`,
  'i',
);

/** Whether and how `text` (normalised) asks a question. */
export function detectQuestion(text: string): QuestionKind {
  const t = text.trim();
  const isQuestion = /\?\s*[\p{Emoji_Presentation}\s]*$/u.test(t) || (QUESTION_START.test(t) && t.includes('?'));
  if (!isQuestion) return { isQuestion, why: false, howTo: false };
  const why = WHY.test(t);
  return { isQuestion, why, howTo: !why && HOW_TO.test(t) };
}
