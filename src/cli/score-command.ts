import readline from 'node:readline';
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
  });
}

/** The text of one input line: a JSON object's "text" field, or the line itself. */
export function textOfLine(line: string): { text: string } | { error: string } {
  if (!line.trimStart().startsWith('{')) return { text: line };
  try {
    const value = JSON.parse(line) as { text?: unknown };
    if (typeof value.text !== 'string') return { error: 'JSON line has no "text" string field' };
    return { text: value.text };
  } catch (e) {
    return { error: `not valid JSON: ${(e as Error).message}` };
  }
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
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    const parsed = textOfLine(line);
    write('error' in parsed ? JSON.stringify({ error: parsed.error }) : scoreLine(parsed.text, threshold));
  }
}
