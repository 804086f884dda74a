import type { ComplaintScore } from '../scoring/score-types.js';
import { detectSpam, isOptOutRequest } from './detect-spam.js';
import { extractRating } from './extract-rating.js';

/** What the bot does with one mention. */
export type Action = 'acknowledge' | 'open_case' | 'attach_to_case' | 'advocate_reply' | 'alert' | 'ignore';

/** Facts about the mention's surroundings that the policy needs; gathered by the pipeline. */
export interface DecisionContext {
  isOwnPost: boolean;
  mentionsBrand: boolean;
  isPrivate: boolean;
  customerOptedOut: boolean;
  /** The customer's case still open, if any: new words go there, not into a new acknowledgement. */
  openCaseId?: number;
  /**
   * What that open case is about (its topic when it was opened): a complaint about something else opens its own case.
   */
  openCaseTopic?: string;
  /** The mention replies to another post (a conversation goes on: it stays with the open case). */
  isReply?: boolean;
  /** A resolved case whose follow-up ("How did we do?") awaits the customer's answer. */
  awaitingRatingCaseId?: number;
  /** Acknowledgements paused from Slack (the crisis switch) or disabled in config. */
  acknowledgementsPaused: boolean;
  /** The day's spend budget is used up. */
  budgetReached: boolean;
  /**
   * Below this score a complaint gets a case but no automatic public answer: a borderline score is
   * where praise and jokes hide, and apologising for praise in public is worse than a minute's wait.
   */
  acknowledgeMinScore?: number;
  /**
   * A question needs a real answer, not a canned apology: below this score a complaint phrased as a
   * question ("does roaming work in Turkey?") gets a case for a person instead of an acknowledgement.
   */
  acknowledgeQuestionMinScore?: number;
  /**
   * Written by a team member's linked account (a staff advocate): `verifies` when it carries the account's
   * code, `caseId` when it answers an open case's post. The bot never answers or acknowledges an advocate.
   */
  advocate?: { verifies: boolean; caseId?: number };
}

/** The decision and, always, why. */
export interface Decision {
  action: Action;
  /** Post a public acknowledgement. */
  acknowledge: boolean;
  /** Open a new case for the team. */
  openCase: boolean;
  /** Add to this existing case. */
  attachToCaseId?: number;
  /** Why a case is open without an automatic answer (shown in Slack). */
  holdReason?: string;
  /** The author asked the brand to stop: record the opt-out. */
  optOut: boolean;
  /** The customer's rating (1..5) in answer to a follow-up, recorded on `attachToCaseId`. */
  rating?: number;
  reasons: string[];
}

const ignore = (reason: string, optOut = false): Decision => ({
  action: 'ignore',
  acknowledge: false,
  openCase: false,
  optOut,
  reasons: [reason],
});

/** Decides what to do with a scored mention. Pure: same inputs, same decision. */
export function decideAction(text: string, score: ComplaintScore, ctx: DecisionContext): Decision {
  if (ctx.isOwnPost) return ignore("the brand's own post");
  if (ctx.advocate) return decideForAdvocate(ctx.advocate);
  if (isOptOutRequest(text)) return ignore('the author asked us to stop: opted out', true);
  const spam = detectSpam(text);
  if (spam) return ignore(`spam (${spam})`);
  if (ctx.openCaseId !== undefined && !startsAnotherStory(text, score, ctx)) {
    return {
      action: 'attach_to_case',
      acknowledge: false,
      openCase: false,
      attachToCaseId: ctx.openCaseId,
      optOut: false,
      reasons: ['the customer already has an open case: added to it, not acknowledged again'],
    };
  }
  if (ctx.awaitingRatingCaseId !== undefined) {
    const rating = extractRating(text);
    if (rating !== undefined || !score.complaint) {
      return {
        action: 'attach_to_case',
        acknowledge: false,
        openCase: false,
        attachToCaseId: ctx.awaitingRatingCaseId,
        optOut: false,
        rating,
        reasons: [
          rating !== undefined
            ? `answer to the follow-up: rated ${rating}/5`
            : 'a reply to the follow-up: added to the resolved case',
        ],
      };
    }
  }
  const wanted = score.complaint || (score.language !== 'en' && score.language !== 'und' && ctx.mentionsBrand);
  if (ctx.isPrivate) {
    if (!wanted && !score.isQuestion) return ignore('a private message with no complaint or question');
    return openWithoutAnswer('a private message: the team answers in private', score);
  }
  if (!ctx.mentionsBrand) {
    if (!wanted) return ignore(`keyword mention, score ${score.score} below the threshold`);
    return {
      action: 'alert',
      acknowledge: false,
      openCase: false,
      optOut: false,
      reasons: ['keyword mention that does not @mention the brand: the team is alerted, the bot does not reply'],
    };
  }
  if (score.language !== 'en' && score.language !== 'und') {
    return openWithoutAnswer(
      `written in ${score.language}: the team answers, the bot only acknowledges English`,
      score,
    );
  }
  if (!score.complaint) {
    if (score.isQuestion) return openWithoutAnswer('a question for the brand: a person answers it', score);
    // "can you DM me the tracking number please": asks for a service, nothing to apologise for.
    if (score.kind === 'request') {
      return openWithoutAnswer('a request for information or service: a person answers it', score);
    }
    return ignore(`score ${score.score} below the complaint threshold`);
  }
  const another =
    ctx.openCaseId !== undefined
      ? [
          `a new complaint about ${score.topic} while ` +
            `${caseName(ctx.openCaseId)} is about ${ctx.openCaseTopic}: a case of its own`,
        ]
      : [];
  const hold = ctx.customerOptedOut
    ? 'the customer opted out of automatic messages'
    : ctx.acknowledgementsPaused
      ? 'automatic acknowledgements are paused'
      : ctx.budgetReached
        ? 'budget reached'
        : score.score < (ctx.acknowledgeMinScore ?? 0)
          ? `borderline score (below ${ctx.acknowledgeMinScore}): a person decides whether to answer`
          : score.isQuestion && score.score < (ctx.acknowledgeQuestionMinScore ?? 0)
            ? 'a question: a person answers it rather than a canned apology'
            : undefined;
  if (hold) return withReasons(openWithoutAnswer(hold, score, hold), another);
  return {
    action: 'acknowledge',
    acknowledge: true,
    openCase: true,
    optOut: false,
    reasons: [
      ...another,
      `complaint (score ${score.score}, ${score.topic}, ` +
        `${score.severity}): acknowledge publicly, invite to a private ` +
        `message, open a case`,
    ],
  };
}

// Before opt-outs and scoring: an advocate saying "stop" or sounding cross is talking to a customer.
function decideForAdvocate(advocate: NonNullable<DecisionContext['advocate']>): Decision {
  if (advocate.verifies) return ignore("a staff advocate's verification code: their account is now linked");
  if (advocate.caseId === undefined)
    return ignore("a staff advocate's post that answers no open case: the bot never answers advocates");
  return {
    action: 'advocate_reply',
    acknowledge: false,
    openCase: false,
    attachToCaseId: advocate.caseId,
    optOut: false,
    reasons: ["a staff advocate's public reply to the customer: added to the case, never answered by the bot"],
  };
}

/**
 * Whether a mention from a customer with an open case is a new story rather than more of the same one.
 * Only on clear evidence: a public, top-level complaint (not a reply, no case reference quoted) whose topic
 * is known and differs from the open case's known topic ("my parcel never came" while the open case is about
 * a double charge). Everything else (private messages, replies, vague or same-topic words, praise, ratings)
 * goes to the open case: two cases for one story make the customer tell it twice, which is worse than one
 * case holding two topics.
 */
function startsAnotherStory(text: string, score: ComplaintScore, ctx: DecisionContext): boolean {
  if (ctx.isPrivate || ctx.isReply || !ctx.mentionsBrand || !score.complaint) return false;
  if (!ctx.openCaseTopic || ctx.openCaseTopic === 'other' || score.topic === 'other') return false;
  if (/(?:^|[^\w&])#\d+\b/.test(text) || CONTINUES_STORY.test(text)) return false;
  return score.topic !== ctx.openCaseTopic;
}

// Words of someone going on about what they already said ("hello?? still broken", "any update?"): the
// topic detector may name another topic for them, but the story is the same.
const CONTINUES_STORY = new RegExp(
  String.raw`\b(?:still|again|yet|any (?:update|news|answer|reply)|hello` +
    String.raw`|hellooo*|anyone|anybody|waiting|follow(?:ing)?[ -]up|as i said` +
    String.raw`|already|same (?:issue|problem|thing)|this issue|my (?:case` +
    String.raw`|ticket|complaint)|ticket|ref(?:erence)?|no reply|no answer` +
    String.raw`|no response|ignored|ignoring)\b`,
  'i',
);

// A case opened earlier in the same batch has no id yet (a negative placeholder).
const caseName = (id: number) => (id > 0 ? `case #${id}` : 'the case just opened');

function withReasons(decision: Decision, first: string[]): Decision {
  return first.length ? { ...decision, reasons: [...first, ...decision.reasons] } : decision;
}

function openWithoutAnswer(reason: string, score: ComplaintScore, holdReason?: string): Decision {
  return {
    action: 'open_case',
    acknowledge: false,
    openCase: true,
    holdReason,
    optOut: false,
    reasons: [`${reason} (score ${score.score}, ${score.topic})`],
  };
}
