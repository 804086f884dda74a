import type { AppContext } from '../app/open-app.js';
import { AppError, ErrorCode } from '../core/app-error.js';
import { buildDigest } from '../digest/build-digest.js';
import type { Digest, DigestPeriod } from '../digest/digest-types.js';
import { alignToBuckets } from '../digest/fill-buckets.js';
import { queryDigestData } from '../digest/query-digest-data.js';
import { renderDigestMarkdown } from '../digest/render-digest-markdown.js';
import { databaseProvider } from '../store/apply-migrations.js';

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `7d`, `24h`, `2w`, `90m`, or an ISO date: the start of the period ending `now`. */
export function parseSince(since: string, now: Date): Date {
  const m = /^(\d+)\s*([mhdw])$/i.exec(since.trim());
  if (m) return new Date(now.getTime() - Number(m[1]) * UNITS[m[2].toLowerCase()]);
  const date = new Date(since);
  if (!Number.isNaN(date.getTime()) && date < now) return date;
  throw new AppError(ErrorCode.BadInput, `--since must be like 7d, 24h, 2w or an earlier ISO date (got "${since}")`);
}

/**
 * The digest of the period ending now in the team's time zone, in whole buckets: hourly up to two
 * days, daily beyond (`--since 7d` is today and the six days before).
 */
export async function digestSince(app: AppContext, since: string, now = new Date()): Promise<Digest> {
  const from = parseSince(since, now);
  const bucket = now.getTime() - from.getTime() <= 2 * UNITS.d ? 'hour' : 'day';
  const timeZone = app.config.jobs.timeZone;
  const period: DigestPeriod = { from: alignToBuckets(from, now, bucket, timeZone), to: now, bucket, timeZone };
  return buildDigest(await queryDigestData(app.db, period, databaseProvider(app.config.databaseUrl)));
}

/** `mention-desk digest --since 7d`: Markdown on stdout (or the digest as one JSON object). */
export async function runDigest(
  app: AppContext,
  since: string,
  json: boolean,
  write: (line: string) => void,
): Promise<void> {
  const digest = await digestSince(app, since);
  write(json ? JSON.stringify(digest) : renderDigestMarkdown(digest));
}
