import { PROFANITY } from './complaint-lexicon.js';

/** A sign of how strongly something is said, with the model feature it feeds. */
export interface IntensityHit {
  key:
    | 'int:shouting'
    | 'int:caps'
    | 'int:punct'
    | 'int:angry_emoji'
    | 'int:happy_emoji'
    | 'int:profanity'
    | 'int:elongated'
    | 'sarc:cue';
  value: number;
  reason: string;
}

const ANGRY_EMOJI = new RegExp(
  `[${
    String.raw`\u{1F620}\u{1F621}\u{1F624}\u{1F92C}\u{1F44E}\u{1F612}\u{1F644}\u{1F4A2}\u{1F62D}\u{1F62B}` +
    String.raw`\u{1F629}\u{1F61E}\u{1F61F}\u{1F615}\u{1F641}\u{2639}\u{1F620}\u{1F92F}\u{1F480}\u{1F921}` +
    String.raw`\u{1F611}\u{1F610}\u{1F926}\u{1F937}\u{1F625}\u{1F622}\u{1F613}\u{1F4A9}`
  }]`,
  'gu',
);
const HAPPY_EMOJI = new RegExp(
  `[${
    String.raw`\u{1F60D}\u{1F970}\u{2764}\u{1F64F}\u{1F44D}\u{1F389}\u{1F60A}\u{1F600}\u{1F601}\u{1F603}` +
    String.raw`\u{1F604}\u{1F642}\u{1F929}\u{1F499}\u{1F49A}\u{1F49B}\u{1F49C}\u{1F9E1}\u{1F496}\u{1F495}` +
    String.raw`\u{2728}\u{1F31F}\u{2B50}\u{1F44C}\u{1F4AF}\u{1F618}\u{263A}`
  }]`,
  'gu',
);
// Applause between words ("great 👏 service 👏"), an explicit marker, praise in quotes: cheap cues.
const CLAPPING = /\u{1F44F}\s*\S+\s*\u{1F44F}/u;
const SARCASM_CUES: Array<[RegExp, string]> = [
  [/(^|\s)\/s\b/, 'sarcasm cue: "/s"'],
  [
    new RegExp(
      String.raw`["“'‘](great|amazing|fantastic|excellent|wonderful|brilliant` +
        String.raw`|perfect|fast|quick|helpful|service|support|customer service)["”'’]`,
      'i',
    ),
    'sarcasm cue: praise in quotes',
  ],
  [
    new RegExp(
      String.raw`\blove (how|that|it when)\b.{0,60}\b(late|lost|broken|never` +
        String.raw`|still|again|cancel\w*|down|wrong|charged|waiting|hold)\b`,
      'i',
    ),
    'sarcasm cue: "love how" … a let-down',
  ],
];

/**
 * Shouting, repeated punctuation, stretched words, angry or happy emoji, profanity and cheap sarcasm
 * cues, from the normalised text (capitals matter, so not from the lower-case tokens).
 */
export function findIntensity(text: string): IntensityHit[] {
  const out: IntensityHit[] = [];
  const { words, capitals, stretched } = countLetters(text);
  if (words >= 3 && capitals / words >= 0.6)
    out.push({ key: 'int:shouting', value: 1, reason: 'shouting (mostly capitals)' });
  else if (capitals >= 2) out.push({ key: 'int:caps', value: 1, reason: 'words in capitals' });
  if (/[!?]{3,}|!!|\?\?/.test(text)) out.push({ key: 'int:punct', value: 1, reason: 'repeated punctuation' });
  if (stretched) out.push({ key: 'int:elongated', value: 1, reason: 'stretched word' });
  if (PROFANITY.test(text)) out.push({ key: 'int:profanity', value: 1, reason: 'profanity' });
  for (const [re, reason] of SARCASM_CUES) if (re.test(text)) out.push({ key: 'sarc:cue', value: 1, reason });
  if (!/[^\x00-\x7f]/.test(text)) return out; // no emoji in plain ASCII: the common case
  const angry = text.match(ANGRY_EMOJI)?.length ?? 0;
  if (angry) out.push({ key: 'int:angry_emoji', value: Math.min(3, angry), reason: `angry or sad emoji ×${angry}` });
  const happy = text.match(HAPPY_EMOJI)?.length ?? 0;
  if (happy) out.push({ key: 'int:happy_emoji', value: Math.min(3, happy), reason: `happy emoji ×${happy}` });
  if (CLAPPING.test(text)) out.push({ key: 'sarc:cue', value: 1, reason: 'sarcasm cue: clapping between words' });
  return out;
}

/**
 * One pass over the ASCII letters: words of four letters or more ("ATM", "EMI" are names, not
 * shouting), how many are all capitals, and whether a letter repeats four times ("sooooo").
 */
function countLetters(text: string): { words: number; capitals: number; stretched: boolean } {
  let words = 0,
    capitals = 0,
    length = 0,
    upper = 0,
    run = 0,
    previous = -1;
  let stretched = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    const lower = c | 0x20;
    if (lower >= 0x61 && lower <= 0x7a) {
      length++;
      if (c < 0x61) upper++;
      run = lower === previous ? run + 1 : 1;
      if (run >= 4) stretched = true;
      previous = lower;
      continue;
    }
    if (length >= 4) {
      words++;
      if (upper === length) capitals++;
    }
    length = upper = run = 0;
    previous = -1;
  }
  return { words, capitals, stretched };
}
