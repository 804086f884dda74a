import { z } from 'zod';
import { cleanText } from '../../src/core/clean-text.js';
import type { Mention } from '../../src/core/mention.js';

/** Lines longer than this are refused whole (a replay file is not a place for megabytes per post). */
export const MAX_LINE_BYTES = 1_000_000;

const id = z.union([z.string().min(1).max(200), z.number().int().nonnegative()]).transform(String);
const date = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) {
    ctx.addIssue({ code: 'custom', message: 'is not a date (use ISO 8601, e.g. 2026-11-20T09:15:00Z)' });
    return z.NEVER;
  }
  return d;
});

/**
 * The replay format: one JSON object per line. The README documents it and keeps it stable; unknown
 * fields are ignored so newer files still load.
 */
export const replayLineSchema = z.object({
  channel: z.string().regex(/^[a-z][a-z0-9_-]{0,30}$/, 'must be a lower-case channel name such as x or discord'),
  id,
  author: z.object({
    id,
    handle: z
      .string()
      .max(200)
      .transform((h) => cleanText(h, 200).replace(/^@/, '')),
    name: z
      .string()
      .max(500)
      .transform((n) => cleanText(n, 200)),
  }),
  text: z.string().transform((t) => cleanText(t)),
  createdAt: date,
  mentionsBrand: z.boolean(),
  url: z.string().url().max(2000).optional(),
  isPrivate: z.boolean().optional(),
  inReplyToId: id.nullish(),
  editedAt: date.nullish(),
  place: z.record(z.string(), z.string().max(200)).optional(),
});

export type ReplayLine = z.input<typeof replayLineSchema>;

/** Parses one line into a Mention, or returns a one-line error saying what is wrong with it. */
export function parseReplayLine(line: string): { mention: Mention } | { error: string } {
  if (Buffer.byteLength(line) > MAX_LINE_BYTES) return { error: `line is longer than ${MAX_LINE_BYTES} bytes` };
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (e) {
    return { error: `not valid JSON (${(e as Error).message})` };
  }
  const parsed = replayLineSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: `field ${issue.path.join('.') || '(line)'} ${issue.message}` };
  }
  const { inReplyToId, editedAt, ...rest } = parsed.data;
  return { mention: { ...rest, inReplyToId: inReplyToId ?? undefined, editedAt: editedAt ?? undefined } };
}
