import type { mastodon } from 'masto';
import { htmlToText } from './html-to-text.js';

/** The @handles a reply starts with: `@maria`, `@maria@other.social`, each followed by a space. */
const LEADING_HANDLES = /^(?:@[\w.-]+(?:@[\w.-]+)?\s+)+/;

/**
 * Whether a status that mentions the brand is really a reply to someone else in a thread the brand was
 * mentioned in. Mastodon clients fill a reply with the @handles of everyone in the status answered, so a
 * staff advocate helping a customer (or two customers talking under a complaint) names the brand without
 * addressing it. Such a status replies to a status that is not the brand's, and names the brand only in
 * that leading run of handles. It is handed over `onlyAsReply`: kept only when it comes from an advocate or
 * answers a case's status. Naming the brand later in the text, or answering the brand, addresses it.
 */
export function answersSomeoneElse(status: mastodon.v1.Status, brand: { id: string; username: string }): boolean {
  if (!status.inReplyToId || !status.inReplyToAccountId || status.inReplyToAccountId === brand.id) return false;
  const rest = htmlToText(status.content).replace(LEADING_HANDLES, '');
  const named = new RegExp(`(^|[^\\w/])@${brand.username.replace(/[^\w]/g, '\\$&')}(?![\\w.-]*\\w)`, 'i');
  return !named.test(rest);
}
