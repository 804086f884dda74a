/** The rules of the advocate check, one per kind of wording an employee must not post in public. */
export const ADVOCATE_RULE_NAMES = [
  'agrees_brand_bad',
  'admits_liability',
  'promises_outcome',
  'personal_data',
  'blames_customer',
  'copies_earlier_reply',
] as const;

export type AdvocateRuleName = (typeof ADVOCATE_RULE_NAMES)[number];

/** One rule as the rule file states it. */
export interface AdvocateRule {
  name: AdvocateRuleName;
  /** What the team and the advocate read when it flags a text. */
  label: string;
  /** The wording offered instead. */
  suggestion: string;
  patterns: RegExp[];
}

/** Every rule of the check, in the order the file lists them. */
export type AdvocateRules = AdvocateRule[];
