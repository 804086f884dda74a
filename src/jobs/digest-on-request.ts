import type { AppContext } from '../app/open-app.js';
import type { RequestDigest } from '../slack/desk-deps.js';
import { databaseProvider } from '../store/apply-migrations.js';
import { digestPeriod, postDigest } from './post-digest.js';

/**
 * "/mentions digest": the last seven days, queued for the managers' channel (the team channel when
 * none is set), through the outbox like a scheduled digest. Says where it will appear.
 */
export function digestOnRequest(app: AppContext, now: () => Date = () => new Date()): RequestDigest | undefined {
  const channel = app.config.jobs.digest.managersChannelId ?? app.config.slack?.channelId;
  if (!channel) return undefined;
  const provider = databaseProvider(app.config.databaseUrl);
  return async (requestedBy) => {
    const at = now();
    await postDigest({ db: app.db, provider }, `now:${requestedBy}:${at.toISOString()}`, digestPeriod('weekly', at, app.config.jobs.timeZone), channel, at);
    return `The digest of the last 7 days is on its way to <#${channel}>.`;
  };
}
