import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../app/open-app.js';
import { AppError, describeError, ErrorCode } from '../core/app-error.js';
import { buildDigest } from '../digest/build-digest.js';
import type { Digest, DigestPeriod } from '../digest/digest-types.js';
import { alignToBuckets } from '../digest/fill-buckets.js';
import { queryDigestData } from '../digest/query-digest-data.js';
import { renderDigestChart } from '../digest/render-digest-chart.js';
import { renderDigestMarkdown } from '../digest/render-digest-markdown.js';
import { wholeDaysPeriod } from '../digest/whole-days-period.js';
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
 * days, daily beyond (`--since 7d` is today and the six days before, as every digest counts days).
 */
export async function digestSince(app: AppContext, since: string, now = new Date()): Promise<Digest> {
  const period = periodSince(since, now, app.config.jobs.timeZone);
  return buildDigest(await queryDigestData(app.db, period, databaseProvider(app.config.databaseUrl)));
}

/**
 * Days and weeks follow the one rule of every digest (wholeDaysPeriod: `7d` is today so far and the
 * six whole days before); hours, minutes and dates are whole hours or days from there to now.
 */
export function periodSince(since: string, now: Date, timeZone: string): DigestPeriod {
  const from = parseSince(since, now);
  const bucket = now.getTime() - from.getTime() <= 2 * UNITS.d ? 'hour' : 'day';
  const inDays = /^(\d+)\s*([dw])$/i.exec(since.trim());
  if (inDays) {
    const days = Number(inDays[1]) * (inDays[2].toLowerCase() === 'w' ? 7 : 1);
    return wholeDaysPeriod(days, now, timeZone, bucket);
  }
  return { from: alignToBuckets(from, now, bucket, timeZone), to: now, bucket, timeZone };
}

/** Writes the digest's chart as a PNG; the absolute path written. A file that cannot be written is a clear error. */
export async function writeDigestChart(digest: Digest, file: string): Promise<string> {
  const full = path.resolve(file);
  const png = await renderDigestChart(digest);
  try {
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, png);
  } catch (error) {
    throw new AppError(ErrorCode.BadInput, `the chart could not be written to ${full} (${describeError(error)})`, {
      cause: error,
    });
  }
  return full;
}

/**
 * `mention-desk digest --since 7d [--png FILE]`: Markdown on stdout (or the digest as one JSON object),
 * and with --png the chart as an image, its path said last (`chartFile` in JSON).
 */
export async function runDigest(
  app: AppContext,
  since: string,
  json: boolean,
  write: (line: string) => void,
  pngFile?: string,
): Promise<void> {
  const digest = await digestSince(app, since);
  const chartFile = pngFile ? await writeDigestChart(digest, pngFile) : undefined;
  if (json) return write(JSON.stringify(chartFile ? { ...digest, chartFile } : digest));
  write(renderDigestMarkdown(digest));
  if (chartFile) write(`Chart: ${chartFile}`);
}

/**
 * What the demo's digest covers: the sample's week is moved so its last post falls within the day
 * before the replay, so its first is up to 7 days before that: today and the 7 days before hold it all.
 */
export const DEMO_DIGEST_SINCE = '8d';

/**
 * After the demo's replay: the digest of the last week (where the sample's times were moved), its
 * chart written beside the demo's other output, and the command that prints the whole digest.
 */
export async function writeDemoDigest(app: AppContext, json: boolean, write: (line: string) => void): Promise<void> {
  const digest = await digestSince(app, DEMO_DIGEST_SINCE);
  const chartFile = await writeDigestChart(
    digest,
    path.join(path.dirname(app.config.replaySentLog), 'demo-digest.png'),
  ).catch((error: unknown) => `not written (${error instanceof AppError ? error.humanMessage : describeError(error)})`);
  const { total, complaints } = digest.volume;
  if (json) return write(JSON.stringify({ digest: { since: DEMO_DIGEST_SINCE, total, complaints, chartFile } }));
  write(
    [
      `Digest of today and the 7 days before (the sample's post times ` +
        `were moved into them): ${total} mentions, ` +
        `${complaints} complaints, ${digest.open.total} cases open.`,
      `  chart: ${chartFile}`,
      `  the whole digest: mention-desk digest --since ${DEMO_DIGEST_SINCE} (add --png FILE for the chart)`,
    ].join('\n'),
  );
}
