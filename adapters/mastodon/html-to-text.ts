import { decodeHTML } from 'entities';

/**
 * A status's HTML content (Mastodon sends `<p>`, `<br>`, links and mention spans) as the plain text
 * the author typed: paragraphs become blank lines, line breaks newlines, tags go, entities decode.
 * Mastodon shortens long links in the HTML with invisible spans; dropping the tags restores the URL.
 */
export function htmlToText(html: string): string {
  const withBreaks = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '');
  return decodeHTML(withBreaks).trim();
}
