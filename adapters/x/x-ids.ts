// X ids are snowflakes: 64-bit numbers, too big for a JS number, that grow with time. Comparing them
// as BigInt orders posts and DM events by creation; the top bits carry the creation time.

const TWITTER_EPOCH_MS = 1_288_834_974_657n;

/** Orders two X ids: negative when `a` is older than `b`. */
export function compareIds(a: string, b: string): number {
  const [x, y] = [BigInt(a), BigInt(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** When the post or event with this id was created (from the snowflake's timestamp bits). */
export function idTime(id: string): Date {
  return new Date(Number((BigInt(id) >> 22n) + TWITTER_EPOCH_MS));
}

/** The snowflake id an object created at `at` would have (sequence `seq`): for tests and fixtures. */
export function idAt(at: Date, seq = 0): string {
  return (((BigInt(at.getTime()) - TWITTER_EPOCH_MS) << 22n) + BigInt(seq)).toString();
}

/** A time as X's query parameters want it: RFC 3339 without fractions of a second. */
export function xTime(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
