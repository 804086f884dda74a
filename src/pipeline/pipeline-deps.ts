import type { AdvocateRules } from '../advocacy/advocate-rules.js';
import type { AdvocateCheck } from '../advocacy/check-advocate-text.js';
import type { Prompts } from '../compose/load-prompts.js';
import type { RecentTexts } from '../compose/recent-texts.js';
import type { ChannelLimit } from '../core/channel-limit.js';
import type { ChannelRules } from '../core/channel-rules.js';
import type { Mention } from '../core/mention.js';
import type { Logger } from '../log/create-logger.js';
import type { Decision } from '../policy/decide-action.js';
import type { ComplaintScore } from '../scoring/score-types.js';
import type { Db } from '../store/create-db.js';

/** Everything the pipeline needs, passed in as one object so tests can pass fakes. */
export interface PipelineDeps {
  db: Db;
  prompts: Prompts;
  /** The advocate check's rules (prompts/advocate-check.txt), run on every advocate's reply. */
  advocateRules: AdvocateRules;
  recent: RecentTexts;
  logger: Logger;
  brand: { name: string; handles: string[]; accountIds: string[] };
  threshold: number;
  /** Complaints scoring below this get a case but no automatic acknowledgement. */
  acknowledgeMinScore?: number;
  /** Complaints phrased as questions scoring below this get a case but no automatic acknowledgement. */
  acknowledgeQuestionMinScore?: number;
  /** Days after a follow-up during which the customer's reply counts as its answer. */
  ratingWindowDays: number;
  now: () => Date;
  /** Read once per batch: the crisis switch from Slack, or config. */
  acknowledgementsPaused: () => Promise<boolean>;
  /** Read once per batch per channel: the day's spend budget is used up. */
  budgetReached: (channel: string) => Promise<boolean>;
  channelRules: (channel: string) => ChannelRules;
  /** How long a message may be on a channel, counted as the platform counts. */
  channelLimit: (channel: string) => ChannelLimit;
  /** Values for a channel's private pointer ({dm_link}, {handle}). */
  pointerValues?: (channel: string) => Record<string, string>;
  /** Called before a batch is composed: on PostgreSQL, adds the texts other instances sent to `recent`. */
  beforeBatch?: () => Promise<void>;
  /** Called after a batch committed, with the number of mentions it stored (statistics schedule). */
  afterBatch?: (stored: number) => void;
  /** Scorer override (tests); defaults to scoreComplaint. */
  score?: (text: string, threshold: number) => ComplaintScore;
}

/** Stage 2 (decideFresh): a fresh mention linked to its author, scored and decided; nothing stored yet. */
export type DecidedMention = DecidedFields &
  (
    | { status: 'new' }
    /** An edit of a stored mention: the stored row's id and the case it belongs to, if any. */
    | { status: 'edited'; mentionId: number; caseId?: number }
  );

interface DecidedFields {
  mention: Mention;
  customerId: number;
  identityId: number;
  /** When the author last wrote to the brand in private on this channel (before this mention). */
  lastPrivateInboundAt: Date | null;
  score: ComplaintScore;
  decision: Decision;
  /** Written by a linked staff advocate in reply to a case: who, and what the advocate check found. */
  advocate?: { id: number; slackUserId: string; handle: string; check: AdvocateCheck };
}

/** Stage 3 (writeMentions): stored, with its row id and the case it belongs to (opened by it, or not). */
export type StoredMention = DecidedMention & {
  mentionId: number;
  caseId?: number;
  caseOpened: boolean;
};

/** Stage 4 (queueMessages): its messages queued, with the texts composed for it. */
export type ProcessedMention = StoredMention & {
  acknowledgement?: string;
  invitation?: string;
};

/**
 * A mention the pipeline stopped at: a duplicate (of a stored one: its id), the brand's own post, or a
 * reply handed over `onlyAsReply` that concerns no case and comes from no advocate (not stored).
 */
export type SkippedMention = SkippedAs<'duplicate'> | SkippedAs<'own_post'> | SkippedAs<'unrelated_reply'>;

interface SkippedAs<S extends string> extends Partial<Record<Exclude<keyof ProcessedMention, SkippedKeys>, undefined>> {
  mention: Mention;
  status: S;
  mentionId?: number;
}

type SkippedKeys = 'mention' | 'status' | 'mentionId';

/** What the pipeline did with one mention: processed through every stage, or skipped. */
export type MentionOutcome = ProcessedMention | SkippedMention;
