/** How a case can end when someone resolves it (stored in Case.outcome; the digest groups by it). */
export const RESOLVE_OUTCOMES = [
  { value: 'solved', label: 'Solved' },
  { value: 'workaround', label: 'Workaround given' },
  { value: 'no_reply', label: 'Customer stopped replying' },
  { value: 'cannot_help', label: 'Could not help' },
  { value: 'duplicate', label: 'Duplicate of another case' },
] as const;

/** The outcome stored when the team says a case is not a complaint. */
export const NOT_A_COMPLAINT = 'not_a_complaint';

/** A readable label for a stored outcome (unknown values are shown as they are, underscores spaced). */
export function labelOutcome(value: string | null | undefined): string {
  if (!value) return 'no outcome';
  if (value === NOT_A_COMPLAINT) return 'not a complaint';
  return RESOLVE_OUTCOMES.find((o) => o.value === value)?.label ?? value.replace(/_/g, ' ');
}
