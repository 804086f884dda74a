/** The q-th quantile (0..1) of `values` by linear interpolation; undefined when there are none. */
export function quantile(values: number[], q: number): number | undefined {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Median and 90th percentile, in the unit of the input. */
export function medianAndP90(values: number[]): { n: number; median?: number; p90?: number } {
  return { n: values.length, median: quantile(values, 0.5), p90: quantile(values, 0.9) };
}

/** Minutes between two dates, or undefined when either is missing. */
export function minutesBetween(from: Date | null | undefined, to: Date | null | undefined): number | undefined {
  if (!from || !to) return undefined;
  return (to.getTime() - from.getTime()) / 60_000;
}

/**
 * Buckets whose volume stands out: more than three times the median bucket, with at least `minimum`
 * mentions (a quiet night going from 1 to 3 is not a spike). The median, unlike the mean, is not
 * dragged up by the spike itself, so one burst in a week of days still shows.
 */
export function findSpikes<T extends { total: number }>(buckets: T[], minimum = 10): T[] {
  if (buckets.length < 3) return [];
  const median = quantile(
    buckets.map((b) => b.total),
    0.5,
  )!;
  return buckets.filter((b) => b.total >= minimum && b.total > 3 * median);
}

/** "3h 05m", "12m", "2d 4h": durations the way a manager reads them. */
export function formatMinutes(minutes: number | undefined): string {
  if (minutes === undefined || Number.isNaN(minutes)) return '–';
  const m = Math.round(minutes);
  if (m < 60) return `${m}m`;
  if (m < 24 * 60) return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
  return `${Math.floor(m / 1440)}d ${Math.floor((m % 1440) / 60)}h`;
}
