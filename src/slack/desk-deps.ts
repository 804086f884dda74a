import type { AdvocateRules } from '../advocacy/advocate-rules.js';
import type { SlackConfig } from '../config/slack-settings.js';
import type { ChannelLimit } from '../core/channel-limit.js';
import type { RequestDigest } from '../digest/digest-on-request.js';
import type { Logger } from '../log/create-logger.js';
import type { Db } from '../store/create-db.js';
import type { MembershipCheck } from './check-membership.js';

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
  /** How long a public reply may be on each channel. */
  channelLimit: (channel: string) => ChannelLimit;
  /** The advocate check's rules: a warning in *Reply publicly*, run on own-account drafts. */
  advocateRules: AdvocateRules;
  /** The brand's handle, for telling an advocate where to post their verification code. */
  brandHandle: string;
}
