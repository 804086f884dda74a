import type { Mention } from '../../src/core/mention.js';
import { readCursor } from '../../src/store/cursor-position.js';
import { callMastodon } from './call-mastodon.js';
import { handOver } from './hand-over.js';
import { mapStatus } from './map-status.js';
import type { MastodonContext } from './mastodon-context.js';

/** One cursor per hashtag: the newest status id of its timeline handed over. */
export const hashtagCursor = (tag: string) => `mastodon:tag:${tag.toLowerCase()}`;

/**
 * Keyword listening through hashtag timelines (GET /api/v1/timelines/tag/:hashtag, what any instance
 * federates; full-text search is often off): statuses with a watched hashtag that neither come from
 * nor mention the brand. They reach the pipeline as `mentionsBrand: false`: a Slack alert for the
 * team, never an automatic reply.
 */
export async function pollHashtags(
  ctx: MastodonContext,
  onMentions: (batch: Mention[]) => Promise<void>,
): Promise<number> {
  const me = ctx.instance?.me.id;
  const oldest = ctx.now().getTime() - ctx.config.backfillMaxAgeMs;
  let handed = 0;
  for (const tag of ctx.config.hashtags) {
    const cursor = await readCursor(ctx.db, hashtagCursor(tag));
    const page = await callMastodon(ctx, ['api'], () =>
      ctx.rest.v1.timelines.tag.$select(tag).list.$raw({ limit: 40, ...(cursor ? { minId: cursor } : {}) }),
    );
    const items = page.map((s) => ({
      cursorId: s.id,
      mention:
        s.account.id === me || s.mentions.some((m) => m.id === me) || Date.parse(s.createdAt) < oldest
          ? undefined
          : mapStatus(s, false),
    }));
    handed += await handOver(ctx.db, hashtagCursor(tag), items, onMentions);
  }
  return handed;
}
