import type { Db } from '../store/create-db.js';
import { enqueueIntents } from '../store/enqueue-intents.js';
import { buildDigest } from './build-digest.js';
import type { DigestPeriod } from './digest-types.js';
import { queryDigestData } from './query-digest-data.js';
import { renderDigestMarkdown } from './render-digest-markdown.js';
import { startOfLocalDay, wholeDaysPeriod } from './whole-days-period.js';

/**
 * The period of a daily or weekly digest due at `due`: the whole day, or the seven whole days, in the
 * team's zone that ended at the midnight before it (the rule of wholeDaysPeriod), so a digest due at
 * 08:00 reports yesterday, not 08:00 to 08:00.
 */
export function digestPeriod(kind: 'daily' | 'weekly', due: Date, timeZone: string): DigestPeriod {
  return wholeDaysPeriod(
    kind === 'daily' ? 1 : 7,
    startOfLocalDay(due, timeZone),
    timeZone,
    kind === 'daily' ? 'hour' : 'day',
  );
}

export interface PostDigestDeps {
  db: Db;
  provider: 'sqlite' | 'postgresql';
}

/**
 * Queues a digest for a Slack channel through the outbox. The Markdown is the message; the Slack
 * transport rebuilds the chart from `target.period` when it posts (an image does not belong in a row).
 * The key makes a scheduled digest go out once, however many instances run the job.
 */
export async function postDigest(
  deps: PostDigestDeps,
  key: string,
  period: DigestPeriod,
  channelId: string,
  now: Date,
): Promise<string> {
  const markdown = renderDigestMarkdown(buildDigest(await queryDigestData(deps.db, period, deps.provider)));
  await enqueueIntents(
    deps.db,
    [
      {
        idempotencyKey: `digest:${key}`,
        channel: 'slack',
        kind: 'slack_digest',
        purpose: 'digest',
        text: markdown,
        target: {
          channelId,
          period: {
            from: period.from.toISOString(),
            to: period.to.toISOString(),
            bucket: period.bucket,
            timeZone: period.timeZone,
          },
        },
      },
    ],
    now,
  );
  return markdown;
}

/** Reads a period back from an outbox target (what the Slack transport receives). */
export function periodFromTarget(target: {
  period: { from: string; to: string; bucket: 'hour' | 'day'; timeZone: string };
}): DigestPeriod {
  return { ...target.period, from: new Date(target.period.from), to: new Date(target.period.to) };
}
