/**
 * What a Slack user's action on a case came to. A refusal carries the sentence shown to that user
 * (ephemerally); it never contains outside text unescaped.
 */
export type ActionResult = { ok: true; eventId: number } | { ok: false; message: string };

/** The sentence for a case that cannot be acted on because it is closed or missing. */
export function notActionable(caseId: number, status: string | undefined): ActionResult {
  if (status === undefined) return { ok: false, message: `Case #${caseId} does not exist (any more).` };
  return { ok: false, message: `Case #${caseId} is ${status.replace(/_/g, ' ')}: nothing to do.` };
}
