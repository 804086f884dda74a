import type { AtpAgent } from '@atproto/api';
import type { Logger } from '../../src/log/create-logger.js';
import type { Db } from '../../src/store/create-db.js';
import type { BlueskySession } from './bluesky-session.js';
import type { BlueskyConfig } from './bluesky-settings.js';
import type { BlueskyRateLimits } from './rate-limits.js';

/** Waits `ms`; rejects when `signal` aborts (stop()). Injected so tests never really wait. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** What every piece of the Bluesky adapter shares: the session, the clock, the limits. */
export interface BlueskyContext {
  config: BlueskyConfig;
  session: BlueskySession;
  db: Db;
  logger: Logger;
  now: () => Date;
  sleep: Sleep;
  /** Aborted by stop(): waits end, polling stops. */
  signal: AbortSignal;
  limits: BlueskyRateLimits;
}

/** The agent of a logged-in session, for the calls that need one. */
export type Agent = AtpAgent;
