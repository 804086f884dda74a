import type { mastodon } from 'masto';
import type { Logger } from '../../src/log/create-logger.js';
import type { Db } from '../../src/store/create-db.js';
import type { MastodonConfig } from './mastodon-settings.js';
import type { MastodonRateLimits } from './rate-limits.js';

/** Waits `ms`; rejects when `signal` aborts (stop()). Injected so tests never really wait. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** What the instance announced (GET /api/v2/instance) and who the brand is there. */
export interface InstanceFacts {
  maxCharacters: number;
  urlLength: number;
  streamingUrl: string;
  /** The brand's account id, username and acct as its own instance writes it. */
  me: { id: string; username: string; acct: string };
  /** The instance's domain: the brand's full handle is username@domain. */
  domain: string;
}

/** What every piece of the Mastodon adapter shares. */
export interface MastodonContext {
  config: MastodonConfig;
  rest: mastodon.rest.Client;
  db: Db;
  logger: Logger;
  now: () => Date;
  sleep: Sleep;
  signal: AbortSignal;
  limits: MastodonRateLimits;
  /** Read at start: undefined until then. */
  instance?: InstanceFacts;
}
