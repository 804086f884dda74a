import type { Db } from '../store/create-db.js';
import { postDigest } from './post-digest.js';
import { wholeDaysPeriod } from './whole-days-period.js';

/** Builds the managers' digest now and says where it went. */
export type RequestDigest = (requestedBy: string) => Promise<string>;

/** What an on-request digest needs. */
export interface DigestOnRequestDeps {
  db: Db;
  provider: 'sqlite' | 'postgresql';
  /** The managers' channel, else the team channel; none: no digest on request. */
  channelId: string | undefined;
  timeZone: string;
  now?: () => Date;
}

/**
 * "/mentions digest": today so far and the six whole days before in the team's zone (the CLI's
 * `--since 7d`, one rule: wholeDaysPeriod), queued for the managers' channel (the team channel when
 * none is set), through the outbox like a scheduled digest. Says where it will appear.
 */
export function digestOnRequest(deps: DigestOnRequestDeps): RequestDigest | undefined {
  const { channelId, db, provider, timeZone } = deps;
  const now = deps.now ?? (() => new Date());
  if (!channelId) return undefined;
  return async (requestedBy) => {
    const at = now();
    const key = `now:${requestedBy}:${at.toISOString()}`;
    await postDigest({ db, provider }, key, wholeDaysPeriod(7, at, timeZone, 'day'), channelId, at);
    return `The digest of today and the 6 days before is on its way to <#${channelId}>.`;
  };
}
