import type { SendResult } from '../../src/core/channel-adapter.js';
import { fetchPages } from './fetch-pages.js';
import { decodeXText, repliedTo, type XDmEvent, type XPost } from './map-post.js';
import type { XContext } from './x-context.js';
import { compareIds } from './x-ids.js';
import { replyCostUsd } from './x-spend.js';

/** Pages of the brand's own posts one check reads at most (100 each, newest first). */
const OWN_POST_PAGES = 5;

type ShownPost = {
  text?: string;
  display_text_range?: [number, number];
  entities?: { urls?: Array<{ url: string; expanded_url?: string }> };
};

// X puts the replied-to @handles in front of a reply's text; they are X's, not the brand's words.
const LEADING_HANDLES = /^(?:@\w{1,15}\s+)+/;

function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(LEADING_HANDLES, '');
}

/**
 * The brand's own words of a post as X shows it: the part from display_text_range on (X's @handle
 * prefix left out), t.co links expanded back, &amp; decoded, spacing folded.
 */
function ownWords(post: ShownPost): string {
  const raw = post.text ?? '';
  const start = post.display_text_range?.[0] ?? 0;
  let out = decodeXText(start > 0 ? [...raw].slice(start).join('') : raw);
  for (const u of post.entities?.urls ?? []) if (u.expanded_url) out = out.split(u.url).join(u.expanded_url);
  return fold(out);
}

/** Whether `sent` (as X returns it, with its @handle prefix) carries the text we asked X to post. */
export function sameText(sent: ShownPost, ours: string): boolean {
  return ownWords(sent) === fold(ours);
}

/** A reply the outbox asks about: the post it answers, its text, whether that post summoned the brand. */
export interface ReplyQuestion {
  inReplyToId: string;
  text: string;
  summoned: boolean;
}

/**
 * After a crash or an ambiguous answer (5xx, timeout): which of these replies did the brand already
 * post? One read of the brand's own posts (newest first, since the oldest post replied to, at most
 * OWN_POST_PAGES pages) answers them all: a reply is the brand's post in reply to the same post whose
 * own words (after X's @handle prefix) are ours. Returns one answer per question (null: not there).
 * A used-up read window throws a rate_limited SendError: nothing is answered, so nothing is resent.
 */
export async function findSentReplies(ctx: XContext, questions: ReplyQuestion[]): Promise<Array<SendResult | null>> {
  if (!questions.length) return [];
  const oldest = questions.map((q) => q.inReplyToId).sort(compareIds)[0];
  const { items, complete } = await readOwnPosts(ctx, oldest);
  const oldestRead = items.at(-1)?.id;
  const answers: Array<SendResult | null> = [];
  for (const q of questions) {
    let found = items.find((p) => repliedTo(p) === q.inReplyToId && sameText(p, q.text));
    // The bounded read stopped before this post's replies: this one is asked on its own (rare).
    if (!found && !complete && oldestRead && compareIds(q.inReplyToId, oldestRead) < 0) {
      const own = await readOwnPosts(ctx, q.inReplyToId, oldestRead);
      found = own.items.find((p) => repliedTo(p) === q.inReplyToId && sameText(p, q.text));
      if (!found && !own.complete)
        ctx.logger.warn(
          { inReplyTo: q.inReplyToId },
          'X check read its page bound without reaching the post; X refuses a repeated text',
        );
    }
    answers.push(found ? asResult(ctx, found, q.summoned) : null);
  }
  return answers;
}

/** One question of findSentReplies. */
export async function findSentReply(
  ctx: XContext,
  inReplyToId: string,
  text: string,
  summoned: boolean,
): Promise<SendResult | null> {
  return (await findSentReplies(ctx, [{ inReplyToId, text, summoned }]))[0];
}

async function readOwnPosts(ctx: XContext, sinceId: string, untilId?: string) {
  const { items, more } = await fetchPages<XPost>(ctx, {
    path: 'users/:id/tweets',
    params: { id: ctx.config.brandUserId },
    query: {
      'post.fields': ['created_at', 'conversation_id', 'entities', 'display_text_range'],
      expansions: ['referenced_posts'],
      max_results: 100,
      since_id: sinceId,
      ...(untilId ? { until_id: untilId } : {}),
    },
    maxPages: OWN_POST_PAGES,
    whenLimited: 'refuse',
    action: 'read_own_posts',
    unitUsd: ctx.config.costs.ownedRead,
  });
  return { items, complete: !more };
}

function asResult(ctx: XContext, found: XPost, summoned: boolean): SendResult {
  const hasUrl = (found.entities?.urls ?? []).length > 0;
  return {
    externalId: found.id,
    url: `https://x.com/i/web/status/${found.id}`,
    costUsd: replyCostUsd(ctx.config.costs, hasUrl, summoned),
  };
}

/** The same question for a DM: is this text among the brand's recent messages to this person? */
export async function findSentMessage(ctx: XContext, recipientId: string, text: string): Promise<SendResult | null> {
  const { items } = await fetchPages<XDmEvent & { text?: string }>(ctx, {
    path: 'dm_conversations/with/:participant_id/dm_events',
    params: { participant_id: recipientId },
    query: {
      event_types: 'MessageCreate',
      'dm_event.fields': ['created_at', 'entities', 'event_type', 'id', 'text'],
      expansions: ['sender_id'],
      max_results: 50,
    },
    maxPages: 1,
    whenLimited: 'refuse',
    action: 'read_dm_events',
    unitUsd: ctx.config.costs.dmRead,
  });
  const found = items.find((e) => e.sender_id === ctx.config.brandUserId && sameText(e, text));
  return found ? { externalId: found.id, costUsd: ctx.config.costs.dm } : null;
}
