import { callMastodon } from './call-mastodon.js';
import type { InstanceFacts, MastodonContext } from './mastodon-context.js';
import { DEFAULT_MAX_CHARACTERS, DEFAULT_URL_LENGTH, instanceFigures } from './mastodon-limits.js';

/**
 * What the instance allows and who the brand is there: max_characters and characters_reserved_per_url
 * from GET /api/v2/instance (configuration.statuses), the streaming URL it announces, and the brand's
 * account (verify_credentials, which also proves the token works). A bot account is expected: one not
 * marked as a bot is logged, as instances ask automated accounts to say so.
 */
export async function readInstance(ctx: MastodonContext): Promise<InstanceFacts> {
  const instance = await callMastodon(ctx, ['api'], () => ctx.rest.v2.instance.fetch.$raw());
  const me = await callMastodon(ctx, ['api'], () => ctx.rest.v1.accounts.verifyCredentials.$raw());
  if (!me.bot)
    ctx.logger.warn(
      { acct: me.acct },
      'Mastodon: the brand account is not marked as a bot ' +
        '(Preferences, Profile, "This is an automated account"); instances expect it',
    );
  const statuses = instance.configuration?.statuses;
  // The channel's limit (composing, *Reply publicly*) follows the instance from now on.
  instanceFigures.maxCharacters = statuses?.maxCharacters ?? DEFAULT_MAX_CHARACTERS;
  instanceFigures.urlLength = statuses?.charactersReservedPerUrl ?? DEFAULT_URL_LENGTH;
  return {
    maxCharacters: instanceFigures.maxCharacters,
    urlLength: instanceFigures.urlLength,
    streamingUrl:
      ctx.config.streamingUrl ?? instance.configuration?.urls?.streaming ?? ctx.config.url.replace(/^http/, 'ws'),
    me: { id: me.id, username: me.username, acct: me.acct },
    domain: instance.domain,
  };
}
