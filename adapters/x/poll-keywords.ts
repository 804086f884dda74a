import type { Mention } from '../../src/core/mention.js';
import { readCursor } from '../../src/store/cursor-position.js';
import { fetchPages } from './fetch-pages.js';
import { handOver } from './hand-over.js';
import { mapPost, POST_QUERY, type XPost } from './map-post.js';
import type { XContext } from './x-context.js';
import { idTime, xTime } from './x-ids.js';

/** Cursor of keyword listening: the newest search result handed over (X's since_id). */
export const SEARCH_CURSOR = 'x:search';

/** Recent search reaches back seven days at most. */
const SEARCH_MAX_AGE_MS = 7 * 86_400_000;

/**
 * The recent-search query for the keywords: any of them, no reposts, nothing by the brand, and
 * nothing that @mentions the brand (the mentions timeline reads those, at the cheaper owned-read price).
 */
export function buildSearchQuery(keywords: string[], brandUserId: string, brandHandles: string[]): string {
  const terms = keywords.map((k) => (/\s/.test(k) ? `"${k}"` : k)).join(' OR ');
  const notBrand = brandHandles.map((h) => `-@${h}`).join(' ');
  return `(${terms}) -is:retweet -from:${brandUserId}${notBrand ? ` ${notBrand}` : ''}`;
}

/** Whether a post is the brand's own or @mentions it (by id, or by handle when X left the id out). */
export function mentionsTheBrand(post: XPost, brandUserId: string, handles: string[]): boolean {
  const lower = handles.map((h) => h.toLowerCase());
  return (
    post.author_id === brandUserId ||
    (post.entities?.mentions ?? []).some(
      (m) => m.id === brandUserId || lower.includes(String(m.username).toLowerCase()),
    )
  );
}

/**
 * Keyword listening: posts with a configured word that do not @mention the brand. They reach the
 * pipeline as `mentionsBrand: false`, which turns a complaint into a Slack alert for the team, never an
 * automatic reply (X forbids auto-replies to keyword matches, and its API refuses such replies).
 */
export async function pollKeywords(ctx: XContext, onMentions: (batch: Mention[]) => Promise<void>): Promise<number> {
  const { searchKeywords, brandUserId } = ctx.config;
  if (!searchKeywords.length) return 0;
  const sinceId = await readCursor(ctx.db, SEARCH_CURSOR);
  const oldest = new Date(ctx.now().getTime() - Math.min(ctx.config.backfillMaxAgeMs, SEARCH_MAX_AGE_MS - 60_000));
  // X refuses a since_id older than search reaches: after a long downtime, start from the limit instead.
  const since = sinceId && idTime(sinceId) > oldest ? { since_id: sinceId } : {};
  const { items, users } = await fetchPages<XPost>(ctx, {
    path: 'tweets/search/recent',
    tokenParam: 'next_token',
    query: {
      ...POST_QUERY,
      query: buildSearchQuery(searchKeywords, brandUserId, ctx.brandHandles),
      max_results: 100,
      start_time: xTime(oldest),
      ...since,
    },
    action: 'read_search',
    unitUsd: ctx.config.costs.read,
  });
  const read = items.map((p) => ({
    cursorId: p.id,
    mention: mentionsTheBrand(p, brandUserId, ctx.brandHandles) ? undefined : mapPost(p, users, false),
  }));
  return handOver(ctx.db, SEARCH_CURSOR, read, onMentions);
}
