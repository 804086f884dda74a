import type { Severity } from './score-types.js';

// A ladder after Trosborg's complaint strategies, as the labelled sets use it: a complaint can state
// a problem with no reproach, disapprove, blame the brand, or accuse it / threaten to leave or go public.

/** Threats to leave, escalate or go public, and accusations of fraud or lying. */
const ACCUSATION = new RegExp(
  String.raw`\b(scam+(ers|med)?|fraud\w*|cheat\w*|thie(f|ves|ving)|steal\w*` +
    String.raw`|stole|looted|lawyer|legal action|sue|suing|court|ombudsman` +
    String.raw`|regulator|rbi|sebi|ofcom|fcc|ftc|cfpb|bbb|trading standards` +
    String.raw`|consumer forum|cancel(l?ing)? my (account|contract|subscription` +
    String.raw`|card|order)|close my account|switch(ing)? to|leaving you` +
    String.raw`|moving to|never again|never (buy|use|fly|order|shop)|boycott\w*` +
    String.raw`|going to the press|tell everyone|report (you|this)|lied` +
    String.raw`|liars?|lying)\b`,
  'i',
);

/** The brand (not luck or a third party) is at fault. */
const BLAME = new RegExp(
  String.raw`\b(your (fault|mistake|error|staff|agent|team|app|service` +
    String.raw`|system|bank|company|people)|you (guys |people )?(lost|broke` +
    String.raw`|charged|cancelled|ignored|messed|screwed|deducted|promised` +
    String.raw`|failed|never)|you people|incompetent|irresponsible|negligen\w*` +
    String.raw`|careless|useless|pathetic|unacceptable|shame on|how dare` +
    String.raw`|responsible for)\b`,
  'i',
);

/** Annoyance or a negative judgement, without pinning fault. */
const DISAPPROVAL = new RegExp(
  String.raw`\b(worst|terrible|awful|horrible|ridiculous|disappoint\w*` +
    String.raw`|frustrat\w*|annoy\w*|angry|furious|fuming|fed up|sick of` +
    String.raw`|tired of|poor|bad|waste|joke|shocking|appalling|disgusting` +
    String.raw`|rude|not happy|unhappy|not worth|never buy|rubbish|crap` +
    String.raw`|wtf|seriously|again)\b|!{2,}|\?{2,}`,
  'i',
);

/**
 * How hard a complaint reproaches the brand, mildest first: `none` for a non-complaint or a plain
 * statement of the problem, then disapproval, blame, accusation. `complaint` is the scorer's verdict.
 */
export function detectSeverity(text: string, complaint: boolean): Severity {
  if (!complaint) return 'none';
  if (ACCUSATION.test(text)) return 'accusation';
  if (BLAME.test(text)) return 'blame';
  if (DISAPPROVAL.test(text)) return 'disapproval';
  return 'none';
}
