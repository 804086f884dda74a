import twitterText from 'twitter-text';

/** How a channel measures a message and how long it may be. */
export interface ChannelLimit {
  maxLength: number;
  measure(text: string): number;
}

const byCodePoint = (text: string) => [...text].length;

// X counts the way twitter-text does: URLs 23, most CJK characters and emoji 2, others 1.
const LIMITS: Record<string, ChannelLimit> = {
  x: { maxLength: 280, measure: (text) => twitterText.parseTweet(text).weightedLength },
  discord: { maxLength: 2000, measure: byCodePoint },
  slack: { maxLength: 3000, measure: byCodePoint },
};
const DEFAULT_LIMIT: ChannelLimit = { maxLength: 280, measure: byCodePoint };

/** The limit of `channel`; unknown channels (replay, console) get the strictest common one. */
export function channelLimit(channel: string): ChannelLimit {
  return LIMITS[channel] ?? DEFAULT_LIMIT;
}

/** Whether `text` fits the channel. */
export function fitsChannel(channel: string, text: string): boolean {
  const limit = channelLimit(channel);
  return limit.measure(text) <= limit.maxLength;
}
