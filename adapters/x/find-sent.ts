import type { TweetV2 } from 'twitter-api-v2';
import type { SendResult } from '../../src/core/channel-adapter.js';
import { fetchPages } from './fetch-pages.js';
import { decodeXText, repliedTo, type XDmEvent, type XPost } from './map-post.js';
import type { XContext } from './x-context.js';
import { replyCostUsd } from './x-spend.js';

// Compared as X shows a text: t.co links expanded back, &amp; decoded, spacing folded.
function shownText(text: string, urls: Array<{ url: string; expanded_url?: string }> = []): string {
  let out = decodeXText(text);
  for (const u of urls) if (u.expanded_url) out = out.split(u.url).join(u.expanded_url);
  return out.replace(/\s+/g, ' ').trim();
}

/** Whether `sent` (as X returns it) is the text we asked X to post. */
export function sameText(
  sent: { text?: string; entities?: { urls?: Array<{ url: string; expanded_url?: string }> } },
  ours: string,
): boolean {
  return shownText(sent.text ?? '', sent.entities?.urls) === ours.replace(/\s+/g, ' ').trim();
}

/**
 * After a crash or an ambiguous answer (5xx, timeout): did the brand already reply to this post with
 * this text? Reads the brand's own posts newer than the post replied to (since_id = that post: a reply
 * is always newer), owned reads at the cheap price. Returns the reply if found, null if certainly not.
 */
export async function findSentReply(
  ctx: XContext,
  inReplyToId: string,
  text: string,
  summoned: boolean,
): Promise<SendResult | null> {
  const { items } = await fetchPages<XPost>(ctx, {
    path: 'users/:id/tweets',
    params: { id: ctx.config.brandUserId },
    query: {
      'post.fields': ['created_at', 'conversation_id', 'entities'],
      expansions: ['referenced_posts'],
      max_results: 100,
      since_id: inReplyToId,
    },
    whenLimited: 'refuse',
    action: 'read_own_posts',
    unitUsd: ctx.config.costs.ownedRead,
  });
  const found = items.find((p: TweetV2) => repliedTo(p) === inReplyToId && sameText(p, text));
  if (!found) return null;
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
