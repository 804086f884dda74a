/** What a mention is about; the Slack case and the digest group by it. */
export type Topic =
  | 'billing'
  | 'delivery'
  | 'outage'
  | 'account_access'
  | 'product_defect'
  | 'staff_behaviour'
  | 'other';

/**
 * How hard the customer reproaches the brand, mildest first: `none` (not a complaint, or a problem
 * stated with no reproach), `disapproval` (annoyance, a negative judgement), `blame` (the brand is at
 * fault), `accusation` (fraud, lying, or a threat to leave, go to a regulator or the press).
 */
export type Severity = 'none' | 'disapproval' | 'blame' | 'accusation';

/** One readable reason: a signal and how far it moved the score (positive = more of a complaint). */
export interface ScoreReason {
  signal: string;
  weight: number;
}

/** The scorer's verdict on one text. */
export interface ComplaintScore {
  /** 0..1: how much this is a complaint that wants a response. */
  score: number;
  /** score >= threshold (and the text is in a language the scorer reads). */
  complaint: boolean;
  reasons: ScoreReason[];
  topic: Topic;
  severity: Severity;
  /** ISO 639-1 code, or `und` when unknown; only `en` is scored. */
  language: string;
  isQuestion: boolean;
}

/** `+0.30 never arrived` style, for Slack and the command line. */
export function formatReason(r: ScoreReason): string {
  const sign = r.weight >= 0 ? '+' : '-';
  return `${sign}${Math.abs(r.weight).toFixed(2)} ${r.signal}`;
}
