import { readLines } from '../core/read-lines.js';
import { scoreComplaint } from '../scoring/score-complaint.js';
import { formatReason } from '../scoring/score-types.js';

/** The stable output of `mention-desk score` for one text. */
export function scoreLine(text: string, threshold: number): string {
  const s = scoreComplaint(text, { threshold });
  return JSON.stringify({
    score: s.score,
    complaint: s.complaint,
    reasons: s.reasons.map(formatReason),
    topic: s.topic,
    severity: s.severity,
    language: s.language,
    question: s.isQuestion,
    // complaint | request (asks for information or service: a person answers, no apology) | other
    kind: s.kind,
  });
}

/**
 * The text of one input line: a JSON object's "text" field, or the line itself. A line that starts with
 * `{` but is not JSON (`{name} never arrived`) is plain text and gets a score; only a line that was
 * clearly meant as a JSON object (`{"...`) and does not parse is an error.
 */
export function textOfLine(line: string): { text: string } | { error: string } {
  const start = line.trimStart();
  if (!start.startsWith('{')) return { text: line };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return /^\{\s*("|\}|$)/.test(start) ? { error: `not valid JSON: ${(e as Error).message}` } : { text: line };
  }
  const text = (value as { text?: unknown } | null)?.text;
  if (typeof value !== 'object' || typeof text !== 'string') return { error: 'JSON line has no "text" string field' };
  return { text };
}

/**
 * Scores stdin line by line. Every input line gives exactly one output line (an {"error"} object for a
 * line that cannot be read), so outputs can be pasted beside inputs.
 */
export async function runScore(
  input: NodeJS.ReadableStream,
  write: (line: string) => void,
  threshold: number,
): Promise<void> {
  for await (const line of readLines(input)) {
    const parsed = textOfLine(line);
    write('error' in parsed ? JSON.stringify({ error: parsed.error }) : scoreLine(parsed.text, threshold));
  }
}
