import type { AppBskyActorDefs } from '@atproto/api';
import type { BlueskyContext } from './bluesky-context.js';
import { readWithLimits } from './read-with-limits.js';

/** app.bsky.actor.getProfiles takes at most 25 actors a call. */
const PER_CALL = 25;

/**
 * The current profiles of these accounts (display name, handle, chat setting, whether they follow the
 * brand), by DID. A failed lookup is logged and leaves the notification's own copy of the author in use.
 */
export async function loadProfiles(
  ctx: BlueskyContext,
  dids: string[],
): Promise<Map<string, AppBskyActorDefs.ProfileViewDetailed>> {
  const out = new Map<string, AppBskyActorDefs.ProfileViewDetailed>();
  const unique = [...new Set(dids)];
  for (let i = 0; i < unique.length; i += PER_CALL) {
    const actors = unique.slice(i, i + PER_CALL);
    try {
      const { data } = await readWithLimits(ctx, 'app.bsky.actor.getProfiles', () =>
        ctx.session.call((a) => a.app.bsky.actor.getProfiles({ actors })),
      );
      for (const p of data.profiles) out.set(p.did, p);
    } catch (error) {
      ctx.logger.warn(
        { count: actors.length, error: (error as Error).message },
        'Bluesky: author profiles could not be read; using the names the notifications carry',
      );
    }
  }
  return out;
}
