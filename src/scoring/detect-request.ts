/** Whether a text asks the company for information or a service, and the words that say so. */
export interface RequestCue {
  /** It asks for something: a polite request, "can you …", "how do I …", "I need …", or any question. */
  request: boolean;
  /** The words that ask, for the reason a person reads (`undefined` when only a question mark asks). */
  cue?: string;
}

// Ways of asking for information or a service that read the same in every industry. A request says
// nothing about whether something went wrong: "please help, my card was blocked" asks and complains.
// That is why requests feed two features (see extractFeatures): asking at all, and asking with nothing wrong.
const ASKING = new RegExp(
  '\\b(please|pls|plz|kindly|' +
    '(can|could|would|will) (you|u|someone|anyone|i|we)|' +
    'how (do|can|should|would) (i|we|you)|how to|is (there|it possible)|are there|' +
    ('(do|does|did) (you|u|it|this|the|my)|what (are|is|time|do)|when ' +
      '(will|does|do|is|are)|where (can|do|is the)|which|') +
    "help (me|us|out)|need (help|to know|some help)|i need|i'd like|i would like|i want to|looking for|" +
    'dm me|message me|let me know|tell me|send me|any idea|anyone know|wondering|advice|' +
    'how long (does|do|will)|how much (is|does|for))\\b',
  'i',
);

/** What `text` (normalised) asks for, if anything. `isQuestion` from detectQuestion. */
export function detectRequest(text: string, isQuestion: boolean): RequestCue {
  const m = ASKING.exec(text);
  if (m) return { request: true, cue: m[0].toLowerCase() };
  return { request: isQuestion };
}
