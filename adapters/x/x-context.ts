import type { TwitterApiv2 } from 'twitter-api-v2';
import type { Logger } from '../../src/log/create-logger.js';
import type { Db } from '../../src/store/create-db.js';
import type { RateLimits } from './rate-limits.js';
import type { XConfig } from './x-settings.js';
import type { XSpend } from './x-spend.js';

/** Waits `ms`; rejects when `signal` aborts (stop()). Injected so tests never really wait. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** What every piece of the X adapter shares: the client, the clock, the limits, the ledger. */
export interface XContext {
  config: XConfig;
  api: TwitterApiv2;
  db: Db;
  logger: Logger;
  now: () => Date;
  sleep: Sleep;
  /** Aborted by stop(): waits end, polling stops. */
  signal: AbortSignal;
  limits: RateLimits;
  spend: XSpend;
  /** The brand's handles (without @): posts that @mention them are the mentions timeline's job. */
  brandHandles: string[];
  /**
   * Set once X refused recent search as "not enrolled": the account's plan has none, so later timeline gaps
   * are reported straight away instead of asking again (learnt anew after a restart, one call).
   */
  searchRefused?: boolean;
}
