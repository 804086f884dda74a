import type { Severity } from './score-types.js';

// A ladder after Trosborg's complaint strategies, as the labelled sets use it: a complaint can state
// a problem with no reproach, disapprove, blame the brand, or accuse it / threaten to leave or go public.

/** Threats to leave, escalate or go public, and accusations of fraud or lying. */
const ACCUSATION =
  /\b(scam+(ers|med)?|fraud\w*|cheat\w*|thie(f|ves|ving)|steal\w*|stole|looted|lawyer|legal action|sue|suing|court|ombudsman|regulator|rbi|sebi|ofcom|fcc|ftc|cfpb|bbb|trading standards|consumer forum|cancel(l?ing)? my (account|contract|subscription|card|order)|close my account|switch(ing)? to|leaving you|moving to|never again|never (buy|use|fly|order|shop)|boycott\w*|going to the press|tell everyone|report (you|this)|lied|liars?|lying)\b/i;

/** The brand (not luck or a third party) is at fault. */
const BLAME =
  /\b(your (fault|mistake|error|staff|agent|team|app|service|system|bank|company|people)|you (guys |people )?(lost|broke|charged|cancelled|ignored|messed|screwed|deducted|promised|failed|never)|you people|incompetent|irresponsible|negligen\w*|careless|useless|pathetic|unacceptable|shame on|how dare|responsible for)\b/i;

/** Annoyance or a negative judgement, without pinning fault. */
const DISAPPROVAL =
  /\b(worst|terrible|awful|horrible|ridiculous|disappoint\w*|frustrat\w*|annoy\w*|angry|furious|fuming|fed up|sick of|tired of|poor|bad|waste|joke|shocking|appalling|disgusting|rude|not happy|unhappy|not worth|never buy|rubbish|crap|wtf|seriously|again)\b|!{2,}|\?{2,}/i;

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
