import { ApiResponseError, type UserV2 } from 'twitter-api-v2';
import { enqueueIntents } from '../../src/store/enqueue-intents.js';
import { classifyXError } from './classify-x-error.js';
import { fetchPages } from './fetch-pages.js';
import { POST_QUERY, type XPost } from './map-post.js';
import { mentionsTheBrand } from './poll-keywords.js';
import type { XContext } from './x-context.js';
import { compareIds, idTime, xTime } from './x-ids.js';

/** X's mentions timeline serves only the 800 most recent mentions (X API docs, "Timelines"). */
export const MENTIONS_TIMELINE_DEPTH = 800;

/**
 * A read this deep may have hit the timeline's floor. Deleted or protected posts still take a place among
 * the 800, so a read a little short of 800 can be at the floor too; a read below this never is.
 */
const GAP_SUSPECT_AT = Math.floor(MENTIONS_TIMELINE_DEPTH * 0.9);

/** Search pages (100 posts each) read to fill one gap: a gap deeper than this is reported, not read. */
const MAX_SEARCH_PAGES = 30;

/** Recent search reaches back seven days at most. */
const SEARCH_REACH_MS = 7 * 86_400_000 - 60_000;

/** A transient search failure leaves the cursor where it was this many polls, then the gap is reported. */
export const GAP_FILL_ATTEMPTS = 3;

/** A stretch between the cursor and the oldest post the timeline still served, which it no longer holds. */
export interface TimelineGap {
  /** The cursor (since_id) when the read started: the newest mention handed over before the gap. */
  sinceId: string;
  /** The oldest post the timeline served: the gap ends just before it. */
  untilId: string;
  /** Mentions in the gap, estimated from the post ids (the timeline's rate over the gap's length). */
  estimatedMissed: number;
}

/** What filling a gap found, or why it could not be filled. */
export type GapFill =
  | { filled: true; posts: XPost[]; users: Map<string, UserV2> }
  | { filled: false; reason: string; retry: boolean };

/**
 * A gap is possible when the timeline ran out (no next page) after serving about its full depth while its
 * oldest post is still newer than the cursor: X dropped whatever lay between. A shorter read reached the
 * cursor, so nothing is missing.
 */
export function detectTimelineGap(items: XPost[], sinceId: string | undefined, more: boolean): TimelineGap | null {
  if (!sinceId || more || items.length < GAP_SUSPECT_AT) return null;
  const sorted = [...items].sort((a, b) => compareIds(a.id, b.id));
  const oldest = sorted[0];
  const newest = sorted[sorted.length - 1];
  if (compareIds(oldest.id, sinceId) <= 0) return null;
  return { sinceId, untilId: oldest.id, estimatedMissed: estimateMissed(sinceId, oldest.id, newest.id, items.length) };
}

/** The timeline's rate over what it served, times the gap's length; at least one. */
function estimateMissed(sinceId: string, oldestId: string, newestId: string, served: number): number {
  const spanMs = idTime(newestId).getTime() - idTime(oldestId).getTime();
  const gapMs = idTime(oldestId).getTime() - idTime(sinceId).getTime();
  if (spanMs <= 0 || gapMs <= 0) return 1;
  return Math.max(1, Math.round(((served - 1) / spanMs) * gapMs));
}

/** The recent-search query for posts that @mention the brand, without reposts and the brand's own posts. */
export function buildGapQuery(brandHandles: string[], brandUserId: string): string {
  return `(${brandHandles.map((h) => `@${h}`).join(' OR ')}) -is:retweet -from:${brandUserId}`;
}

/**
 * X's answer for an account whose plan has no recent search: 403 `client-not-enrolled`, or the v1.1-style
 * error 453 ("You currently have access to a subset of X API V2 endpoints").
 */
export function noSearchAccess(error: unknown): boolean {
  if (!(error instanceof ApiResponseError) || error.code !== 403) return false;
  const data = (error.data ?? {}) as { reason?: unknown; type?: unknown; errors?: Array<{ code?: unknown }> };
  return (
    data.reason === 'client-not-enrolled' ||
    /client-not-enrolled|client-forbidden/.test(String(data.type ?? '')) ||
    (data.errors ?? []).some((e) => e.code === 453)
  );
}

/**
 * Reads the gap from X's recent search (`GET /2/tweets/search/recent`, since_id = cursor, until_id = the
 * oldest post the timeline still served, paging with next_token). Only where the account has search
 * (X_GAP_SEARCH, and not refused as "not enrolled" before in this process).
 */
export async function fillTimelineGap(ctx: XContext, gap: TimelineGap): Promise<GapFill> {
  if (!ctx.config.gapSearch) return { filled: false, reason: 'X_GAP_SEARCH is off', retry: false };
  if (ctx.searchRefused) return { filled: false, reason: 'the X account has no recent search', retry: false };
  const reach = new Date(ctx.now().getTime() - Math.min(ctx.config.backfillMaxAgeMs, SEARCH_REACH_MS));
  // X refuses a since_id older than search reaches: start from its reach instead (the rest stays missed).
  const since = idTime(gap.sinceId) > reach ? { since_id: gap.sinceId } : {};
  try {
    const { items, users, more } = await fetchPages<XPost>(ctx, {
      path: 'tweets/search/recent',
      tokenParam: 'next_token',
      query: {
        ...POST_QUERY,
        query: buildGapQuery(ctx.brandHandles, ctx.config.brandUserId),
        max_results: 100,
        start_time: xTime(reach),
        until_id: gap.untilId,
        ...since,
      },
      maxPages: MAX_SEARCH_PAGES,
      action: 'read_gap_search',
      unitUsd: ctx.config.costs.read,
    });
    if (more) return { filled: false, reason: `deeper than ${MAX_SEARCH_PAGES} search pages`, retry: false };
    const posts = items.filter(
      (p) => p.author_id !== ctx.config.brandUserId && mentionsTheBrand(p, ctx.config.brandUserId, ctx.brandHandles),
    );
    return { filled: true, posts, users };
  } catch (error) {
    if (noSearchAccess(error)) {
      ctx.searchRefused = true;
      return { filled: false, reason: 'the X account has no recent search (403 client-not-enrolled)', retry: false };
    }
    if (ctx.signal.aborted) throw error;
    return { filled: false, reason: classifyXError(error, 'read').message, retry: true };
  }
}

/**
 * Tells the team once about a gap that could not be read: a warning in the log and one notice in the
 * Slack team channel through the outbox. The outbox key is the gap's start (the cursor), so the same gap
 * seen again after a crash queues nothing new.
 */
export async function reportTimelineGap(ctx: XContext, gap: TimelineGap, reason: string): Promise<void> {
  const from = idTime(gap.sinceId).toISOString();
  const to = idTime(gap.untilId).toISOString();
  const detail =
    `about ${gap.estimatedMissed} mentions of the brand (at least 1, ` +
    `estimated from the post ids) posted between ${from} and ` +
    `${to} fell out of X's 800-post mentions timeline and could not ` +
    `be read (${reason}). They may have been missed: search X for them by hand.`;
  ctx.logger.warn(
    { sinceId: gap.sinceId, untilId: gap.untilId, estimatedMissed: gap.estimatedMissed, reason },
    `X mentions timeline gap: ${detail}`,
  );
  await enqueueIntents(
    ctx.db,
    [
      {
        idempotencyKey: `x:gap:${gap.sinceId}`,
        channel: 'slack',
        kind: 'slack_notice',
        purpose: 'notice',
        text: `X mentions gap: about ${gap.estimatedMissed} mentions may have been missed`,
        target: { notice: 'x_gap', detail },
      },
    ],
    ctx.now(),
  );
}
