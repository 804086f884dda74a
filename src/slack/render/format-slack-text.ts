import { escapeMrkdwn } from './escape-mrkdwn.js';

const MAX_URL = 600;

/**
 * A mrkdwn link to an outside URL, or just the escaped label when the URL is not plain http(s): a
 * `javascript:` or malformed URL never becomes clickable. `|` in the URL would end it early inside
 * Slack's `<url|label>`, so it is percent-encoded.
 */
export function formatLink(url: string | null | undefined, label: string): string {
  if (!url) return escapeMrkdwn(label);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return escapeMrkdwn(label);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return escapeMrkdwn(label);
  const href = escapeMrkdwn(parsed.href.replace(/\|/g, '%7C'));
  // An absurdly long link would push its block over Slack's text limit: the label alone then.
  if (href.length > MAX_URL) return escapeMrkdwn(label);
  return `<${href}|${escapeMrkdwn(label)}>`;
}

/** A mention of a Slack user or user group we chose to ping (never from outside text): anything else is dropped. */
export function formatSlackMention(id: string | null | undefined): string {
  if (!id) return 'nobody';
  if (/^[UW][A-Z0-9]{2,}$/.test(id)) return `<@${id}>`;
  if (/^S[A-Z0-9]{2,}$/.test(id)) return `<!subteam^${id}>`;
  return escapeMrkdwn(id);
}

/** A date Slack shows in each reader's own time zone, with a UTC fallback for old clients. */
export function formatSlackDate(date: Date, format = '{date_short_pretty} {time}'): string {
  const seconds = Math.floor(date.getTime() / 1000);
  return `<!date^${seconds}^${format}|${date.toISOString().replace('T', ' ').slice(0, 16)} UTC>`;
}

/**
 * Outside text escaped and kept within `max` characters once escaped (Slack rejects block texts over
 * their limit, and `&` grows five-fold when escaped), cut on a whole character with a visible `…`.
 */
export function shortEscaped(text: string, max: number): string {
  const whole = escapeMrkdwn(text);
  if (whole.length <= max) return whole;
  let out = '';
  for (const ch of String(text ?? '')) {
    const piece = escapeMrkdwn(ch);
    if (out.length + piece.length > max - 1) break;
    out += piece;
  }
  return `${out}…`;
}

// Words Slack turns into a channel-wide ping when they follow an @ in text it parses.
const SPECIAL_WORDS = /^(here|channel|everyone|group|all)$/i;

/**
 * A customer's handle shown as `@handle`, escaped and cut to `max`. A handle that is one of Slack's
 * special words (`here`, `channel`, `everyone`) gets an invisible word joiner after the @, so the
 * text can never read as `@here` to Slack, whatever the text object's parsing.
 */
export function formatHandle(handle: string, max: number): string {
  const shown = shortEscaped(handle, max);
  return SPECIAL_WORDS.test(String(handle ?? '')) ? `@\u2060${shown}` : `@${shown}`;
}

/** Outside text as a mrkdwn quote: escaped first, then each line prefixed with our own `>`. */
export function quoteEscaped(text: string, max: number): string {
  const lines = String(text ?? '').split('\n').length;
  return shortEscaped(text, Math.max(1, max - lines))
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
}

const CHANNEL_NAMES: Record<string, string> = { x: 'X', discord: 'Discord', bluesky: 'Bluesky', mastodon: 'Mastodon' };

/** The display name of a customer channel (escape it: unknown channel names pass through). */
export function channelName(channel: string): string {
  return CHANNEL_NAMES[channel] ?? channel;
}
