import type { mastodon } from 'masto';
import { cleanText } from '../../src/core/clean-text.js';
import type { Mention } from '../../src/core/mention.js';
import { htmlToText } from './html-to-text.js';

/** The channel name everywhere (Mention.channel, outbox rows, cursors). */
export const MASTODON = 'mastodon';

/** Visibilities from widest to narrowest. */
export const VISIBILITIES = ['public', 'unlisted', 'private', 'direct'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** The narrower of two visibilities: a reply is never seen by more people than the post it answers. */
export function narrowest(a: string, b: string): Visibility {
  const rank = (v: string) => Math.max(0, VISIBILITIES.indexOf(v as Visibility));
  return VISIBILITIES[Math.max(rank(a), rank(b))];
}

/**
 * A status that mentions the brand as a Mention. A `direct` status (mentioning only chosen people) is
 * private: the customer's answer to the invitation, which joins their case. The place keeps what a
 * reply needs: the visibility not to exceed, the content warning to keep, and the author's full acct.
 */
export function mapStatus(status: mastodon.v1.Status, mentionsBrand: boolean): Mention {
  const account = status.account;
  const handle = cleanText(account.acct, 300);
  return {
    channel: MASTODON,
    id: status.id,
    author: { id: account.id, handle, name: cleanText(account.displayName, 200) || account.username },
    text: cleanText(htmlToText(status.content)),
    createdAt: new Date(status.createdAt),
    mentionsBrand,
    url: status.url ?? status.uri,
    ...(status.visibility === 'direct' ? { isPrivate: true } : {}),
    ...(status.inReplyToId ? { inReplyToId: status.inReplyToId } : {}),
    ...(status.editedAt ? { editedAt: new Date(status.editedAt) } : {}),
    place: {
      statusId: status.id,
      visibility: status.visibility,
      acct: account.acct,
      ...(status.spoilerText ? { spoilerText: status.spoilerText } : {}),
    },
  };
}

/** Orders two Mastodon ids (numeric strings that grow with time; compared by length, then digits). */
export function compareIds(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}
