/** How far apart retries stay while an incident is young: Discord's identify window (one login per 5 s). */
const STEADY_MS = 5_000;
/** Retries that stay STEADY_MS apart at most: with the first three, about two minutes of incident. */
const STEADY_RETRIES = 24;
const LONGEST_MS = 300_000;

/**
 * The pause before the n-th retry (0-based) while Discord, or the way to it, is down: 1 s, 2 s, 4 s,
 * then every 5 s until about two minutes have passed, then doubling up to 5 minutes.
 *
 * Why this shape: most incidents (a dropped gateway, a burst of 500s, a global 429) end within seconds
 * to minutes, and whatever queued up meanwhile waits for the first retry after the end. A plain
 * doubling from 2 s puts that retry up to as long again as the incident lasted (retries 3, 7, 15 and
 * 31 s in: a 16-s drop noticed 15 s after its end, a 25-s one 6 s after); a retry every 5 s
 * notices the end within one identify window, and costs a connection attempt or one REST call. Only
 * an incident that outlasts that is backed off further, so a long outage is not hammered. Each pause
 * is shortened by up to 20% at random, so many bots do not come back in step.
 */
export function outageRetryMs(n: number): number {
  const base =
    n < STEADY_RETRIES
      ? Math.min(STEADY_MS, 1_000 * 2 ** n)
      : Math.min(LONGEST_MS, STEADY_MS * 2 ** Math.min(n - STEADY_RETRIES + 1, 10));
  return Math.round(base * (1 - Math.random() * 0.2));
}
