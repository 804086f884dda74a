import type { ChannelLimit } from '../../src/core/channel-limit.js';

/** A post's text: at most 300 graphemes (app.bsky.feed.post, maxGraphemes) and 3000 UTF-8 bytes. */
export const BLUESKY_MAX_GRAPHEMES = 300;
export const BLUESKY_MAX_BYTES = 3000;

// The segmenter @atproto/api's RichText counts with (Intl.Segmenter), without loading that library
// wherever a Bluesky length is checked (composing, Slack's *Reply publicly*).
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Graphemes as Bluesky counts them: an emoji with its modifiers, or a flag, is one. */
export function countGraphemes(text: string): number {
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}

/** Bluesky's limit for composing acknowledgements and checking a reply written in Slack. */
export const BLUESKY_LIMIT: ChannelLimit = {
  maxLength: BLUESKY_MAX_GRAPHEMES,
  measure: countGraphemes,
  note: 'Bluesky counts graphemes: an emoji or a flag is one',
};
