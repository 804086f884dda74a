import type { mastodon } from 'masto';
import type { SendResult } from '../../src/core/channel-adapter.js';
import { callMastodon } from './call-mastodon.js';
import { toSendError } from './classify-mastodon-error.js';
import { htmlToText } from './html-to-text.js';
import type { InstanceFacts, MastodonContext } from './mastodon-context.js';

// Compared as Mastodon shows a status: the leading @mentions (rendered as @name only) set aside, spacing folded.
const shown = (text: string) =>
  text
    .replace(/\u2060/g, '')
    .replace(/^(@[^\s]+\s+)+/, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Whether `status` is the brand's answer to `inReplyToId` with this text. */
function isOurs(
  status: mastodon.v1.Status,
  facts: InstanceFacts,
  inReplyToId: string | undefined,
  text: string,
): boolean {
  return (
    status.account.id === facts.me.id &&
    (inReplyToId === undefined || status.inReplyToId === inReplyToId) &&
    shown(htmlToText(status.content)) === shown(text)
  );
}

/**
 * After a crash or an ambiguous answer: did the brand already answer this post with this text? The
 * Idempotency-Key covers an hour; beyond that, the post's thread (GET /api/v1/statuses/:id/context,
 * which shows the brand its own direct replies too) is read for the brand's status with the same text.
 * Without a post to look under, the brand's own latest statuses are read.
 */
export async function findSentStatus(
  ctx: MastodonContext,
  facts: InstanceFacts,
  inReplyToId: string | undefined,
  text: string,
): Promise<SendResult | null> {
  try {
    const candidates = inReplyToId
      ? (
          await callMastodon(
            ctx,
            ['api'],
            () => ctx.rest.v1.statuses.$select(inReplyToId).context.fetch.$raw(),
            'refuse',
          )
        ).descendants
      : await callMastodon(
          ctx,
          ['api'],
          () => ctx.rest.v1.accounts.$select(facts.me.id).statuses.list.$raw({ limit: 40 }),
          'refuse',
        );
    const found = candidates.find((s) => isOurs(s, facts, inReplyToId, text));
    return found ? { externalId: found.id, url: found.url ?? found.uri, costUsd: 0 } : null;
  } catch (error) {
    throw toSendError(error, 'read', ctx.limits.waitMs('api'));
  }
}
