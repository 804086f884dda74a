/** How a channel measures a message and how long it may be. */
export interface ChannelLimit {
  maxLength: number;
  measure(text: string): number;
  /** How the platform counts, in a few words, for a person whose draft is too long (links count 23...). */
  note?: string;
}

/** Length in Unicode code points (what most platforms count). */
export const byCodePoint = (text: string): number => [...text].length;

/** The limit of a channel no channel folder describes (replay, console): the strictest common one. */
export const DEFAULT_LIMIT: ChannelLimit = { maxLength: 280, measure: byCodePoint };

/** Whether `text` fits within `limit`. */
export function fitsLimit(limit: ChannelLimit, text: string): boolean {
  return limit.measure(text) <= limit.maxLength;
}
