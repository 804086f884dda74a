import type { ChannelLimit } from '../../src/core/channel-limit.js';

/** Mastodon's own default; an instance announces its limit in configuration.statuses.max_characters. */
export const DEFAULT_MAX_CHARACTERS = 500;
/** What a link counts, whatever its length (configuration.statuses.characters_reserved_per_url). */
export const DEFAULT_URL_LENGTH = 23;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const URL_PATTERN = /https?:\/\/[^\s<>"]+/g;
// A mention of someone on another server counts only its @username part.
const REMOTE_MENTION = /(^|[^\p{L}\p{N}_/])@([\p{L}\p{N}_]+)@[\p{L}\p{N}.-]+[\p{L}\p{N}]/gu;

/**
 * A status's length as Mastodon counts it (StatusLengthValidator): grapheme clusters, every link as
 * `urlLength` characters, `@user@other.server` as `@user`; the content warning counts too.
 */
export function measureStatus(text: string, spoilerText = '', urlLength = DEFAULT_URL_LENGTH): number {
  const countable = text.replace(URL_PATTERN, 'x'.repeat(urlLength)).replace(REMOTE_MENTION, '$1@$2');
  return [...segmenter.segment(countable)].length + [...segmenter.segment(spoilerText)].length;
}

/** The figures of the brand's instance, as the adapter last read them (GET /api/v2/instance). */
export const instanceFigures = { maxCharacters: DEFAULT_MAX_CHARACTERS, urlLength: DEFAULT_URL_LENGTH };

/**
 * Every answer starts with the customer's @username (30 characters at most on Mastodon) and a space,
 * added when it is sent: what is composed or typed in Slack leaves room for it.
 */
export const ADDRESS_RESERVE = 32;

/** Mastodon's limit, reading its figures on each use (so it follows the instance once read). */
export function mastodonLimit(
  read: () => { maxCharacters: number; urlLength: number } = () => instanceFigures,
): ChannelLimit {
  return {
    get maxLength() {
      return read().maxCharacters - ADDRESS_RESERVE;
    },
    measure: (text) => measureStatus(text, '', read().urlLength),
    note: "the instance's limit, less room for the @mention of the customer; links count 23",
  };
}

/**
 * Mastodon's limit for composing and for *Reply publicly*: 500 (Mastodon's default) until the adapter
 * has read the instance, then the instance's max_characters, less the room for the @mention; links count
 * characters_reserved_per_url.
 */
export const MASTODON_LIMIT: ChannelLimit = mastodonLimit();
