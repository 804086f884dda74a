import type { AppContext } from '../app/open-app.js';
import type { RequestDigest } from '../slack/desk-deps.js';
import { isPostgresUrl } from '../store/apply-migrations.js';
import { postDigest } from './post-digest.js';

const WEEK_MS = 7 * 86_400_000;

/**
 * "/mentions digest": the last seven days, queued for the managers' channel (the team channel when
 * none is set), through the outbox like a scheduled digest. Says where it will appear.
 */
export function digestOnRequest(app: AppContext, now: () => Date = () => new Date()): RequestDigest | undefined {
  const channel = app.config.jobs.digest.managersChannelId ?? app.config.slack?.channelId;
  if (!channel) return undefined;
  const provider = isPostgresUrl(app.config.databaseUrl) ? 'postgresql' : 'sqlite';
  return async (requestedBy) => {
    const at = now();
    const period = { from: new Date(at.getTime() - WEEK_MS), to: at, bucket: 'day' as const, timeZone: app.config.jobs.timeZone };
    await postDigest({ db: app.db, provider }, `now:${requestedBy}:${at.toISOString()}`, period, channel, at);
    return `The digest of the last 7 days is on its way to <#${channel}>.`;
  };
}
