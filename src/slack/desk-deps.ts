import type { SlackConfig } from '../config/slack-settings.js';
import type { Logger } from '../log/create-logger.js';
import type { Db } from '../store/create-db.js';
import type { MembershipCheck } from './check-membership.js';

/** Builds the managers' digest now and says where it went (the digest belongs to the jobs). */
export type RequestDigest = (requestedBy: string) => Promise<string>;

/** What the Bolt handlers need, passed in as one object so tests pass their own. */
export interface DeskDeps {
  db: Db;
  config: SlackConfig;
  logger: Logger;
  isMember: MembershipCheck;
  now: () => Date;
  /** ACKNOWLEDGE_AUTOMATICALLY: when false, "resume" cannot turn acknowledgements on. */
  acknowledgeAutomatically: boolean;
  /** "/mentions digest": absent until a digest builder is wired in; the command then says so. */
  requestDigest?: RequestDigest;
}
