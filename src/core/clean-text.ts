/** Texts longer than this are kept up to here, with a visible marker (the database must stay sane). */
export const MAX_STORED_TEXT = 20_000;

/**
 * Makes outside text safe to store and process: drops NUL and other control characters (PostgreSQL
 * refuses NUL), replaces lone surrogates, normalises line ends, and caps the length with a marker.
 */
export function cleanText(input: unknown, max = MAX_STORED_TEXT): string {
  let text = typeof input === 'string' ? input : String(input ?? '');
  text = text.toWellFormed();
  text = text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
  if (text.length > max) text = `${text.slice(0, max)} […${text.length - max} more characters not kept]`;
  return text;
}
