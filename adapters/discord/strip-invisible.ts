// Zero-width and bidirectional control characters render as nothing but split words ("lu\u200bmora"
// dodges a keyword) or reorder what a reader sees. Emoji sequences lose their joiners, which is harmless.
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** `text` without invisible characters (zero-width spaces and joiners, bidi controls, soft hyphens). */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}
