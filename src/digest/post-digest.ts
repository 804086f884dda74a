import type { Db } from '../store/create-db.js';
import { enqueueIntents } from '../store/enqueue-intents.js';
import { buildDigest } from './build-digest.js';
import type { DigestPeriod } from './digest-types.js';
import { queryDigestData } from './query-digest-data.js';
import { renderDigestMarkdown } from './render-digest-markdown.js';

const DAY_MS = 86_400_000;

/** The period of a daily or weekly digest due at `end` (end exclusive). */
export function digestPeriod(kind: 'daily' | 'weekly', end: Date, timeZone: string): DigestPeriod {
  const days = kind === 'daily' ? 1 : 7;
  return {
    from: new Date(end.getTime() - days * DAY_MS),
    to: end,
    bucket: kind === 'daily' ? 'hour' : 'day',
    timeZone,
  };
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
