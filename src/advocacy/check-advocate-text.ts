import { findLiabilityPhrases } from '../compose/check-liability.js';
import type { AdvocateRuleName, AdvocateRules } from './advocate-rules.js';
import { findCopiedReply } from './find-copied-reply.js';

/** One rule that flagged a text: which, the words that triggered it, and what to say instead. */
export interface AdvocateFinding {
  rule: AdvocateRuleName;
  label: string;
  words: string[];
  suggestion: string;
}

/** What the advocate check found in a text (nothing: `flagged` is false). */
export interface AdvocateCheck {
  flagged: boolean;
  findings: AdvocateFinding[];
}

// A reply is a few hundred characters; past this the text is not a reply, and the patterns need not
// walk a hostile megabyte.
const CHECKED_CHARS = 5000;

/**
 * The advocate check, on an employee's public reply or a *Reply publicly* draft: every rule of the file,
 * the bot's own liability list, and a comparison with the replies already sent (`earlier`). Pure.
 */
export function checkAdvocateText(text: string, rules: AdvocateRules, earlier: readonly string[] = []): AdvocateCheck {
  const checked = text.slice(0, CHECKED_CHARS).replace(/[\u2018\u2019]/g, "'");
  const findings: AdvocateFinding[] = [];
  for (const rule of rules) {
    const words = new Set<string>();
    for (const re of rule.patterns) {
      const m = checked.match(re);
      if (m) words.add(m[0].trim());
    }
    if (rule.name === 'admits_liability') for (const p of findLiabilityPhrases(checked)) words.add(p);
    if (rule.name === 'copies_earlier_reply') {
      const copied = findCopiedReply(checked, earlier);
      if (copied !== undefined) words.add(copied.slice(0, 120));
    }
    if (words.size)
      findings.push({ rule: rule.name, label: rule.label, words: [...words], suggestion: rule.suggestion });
  }
  return { flagged: findings.length > 0, findings };
}
