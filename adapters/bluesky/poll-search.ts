import type { AppBskyFeedDefs } from '@atproto/api';
import type { Mention } from '../../src/core/mention.js';
import { readCursor } from '../../src/store/cursor-position.js';
import type { BlueskyContext } from './bluesky-context.js';
import { handOver } from './hand-over.js';
import { mapSearchResult } from './map-post.js';
import { positionOf } from './poll-notifications.js';
import { readWithLimits } from './read-with-limits.js';

/** Cursor of keyword listening: `<indexedAt>|<uri>` of the newest result handed over. */
export const SEARCH_CURSOR = 'bluesky:search';

/** Pages of 100 results read per keyword and poll. */
const MAX_PAGES = 5;

// A post that @mentions the brand reaches it as a notification: search leaves it to that.
function mentionsBrand(post: AppBskyFeedDefs.PostView, brandDid: string, handle: string): boolean {
  const record = post.record as { text?: string; facets?: Array<{ features: Array<{ did?: string }> }> };
  const tagged = (record.facets ?? []).some((f) => f.features.some((x) => x.did === brandDid));
  return tagged || (record.text ?? '').toLowerCase().includes(`@${handle}`);
}

/**
 * Keyword listening with app.bsky.feed.searchPosts (latest first, since the cursor's time): posts with
 * a configured word that neither come from nor @mention the brand. They reach the pipeline as
 * `mentionsBrand: false`, which makes a complaint a Slack alert for the team and never an automatic
 * reply: nobody asked the brand.
 */
export async function pollSearch(
  ctx: BlueskyContext,
  onMentions: (batch: Mention[]) => Promise<void>,
): Promise<number> {
  const { searchKeywords, handle, backfillMaxAgeMs } = ctx.config;
  if (!searchKeywords.length) return 0;
  const cursor = await readCursor(ctx.db, SEARCH_CURSOR);
  const oldest = new Date(ctx.now().getTime() - backfillMaxAgeMs).toISOString();
  const since = cursor && cursor.split('|')[0] > oldest ? cursor.split('|')[0] : oldest;
  const brandDid = await ctx.session.ensure();
  const found = new Map<string, AppBskyFeedDefs.PostView>();
  for (const q of searchKeywords) {
    let page: string | undefined;
    for (let pages = 0; pages < MAX_PAGES; pages++) {
      const { data } = await readWithLimits(ctx, 'app.bsky.feed.searchPosts', () =>
        ctx.session.call((a) =>
          a.app.bsky.feed.searchPosts({ q, sort: 'latest', since, limit: 100, ...(page ? { cursor: page } : {}) }),
        ),
      );
      for (const post of data.posts) {
        if (cursor && positionOf(post) <= cursor) continue;
        if (post.author.did === brandDid || mentionsBrand(post, brandDid, handle)) continue;
        found.set(post.uri, post);
      }
      page = data.cursor;
      if (!page || !data.posts.length) break;
    }
  }
  const items = [...found.values()].map((p) => ({ position: positionOf(p), mention: mapSearchResult(p) }));
  return handOver(ctx.db, SEARCH_CURSOR, items, onMentions);
}
