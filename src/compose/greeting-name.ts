import type { MentionAuthor } from '../core/mention.js';

const MAX_NAME = 24;

/**
 * The name to greet someone by, safe to echo publicly: the first word of the display name when it is a
 * plain name, else the handle. Never a link, a mention, markup or an emoji string that could be abuse.
 */
export function greetingName(author: Pick<MentionAuthor, 'name' | 'handle'>): string {
  const first =
    String(author.name ?? '')
      .normalize('NFKC')
      .trim()
      .split(/\s+/)[0] ?? '';
  if (/^[\p{L}][\p{L}'’-]{0,23}$/u.test(first) && !/^(everyone|here|channel)$/i.test(first)) return first;
  const handle = String(author.handle ?? '')
    .replace(/[^\w]/g, '')
    .slice(0, MAX_NAME);
  return handle || 'there';
}
