import type { SpeedFigures } from './evaluate-model.js';

/** One line of counts per tenth of the score range, e.g. `0.0 ▕ 812 …`, for complaints and the rest. */
export function formatHistogram(label: string, counts: number[]): string {
  return `${label.padEnd(14)} ${counts.map((c) => String(c).padStart(5)).join(' ')}`;
}

/** The header row of formatHistogram: the lower bound of each tenth. */
export function histogramHeader(bins = 10): string {
  return (
    `${'score from'.padEnd(14)} ` +
    `${Array.from({ length: bins }, (_, i) => (i / bins).toFixed(1).padStart(5)).join(' ')}`
  );
}

/** `median 18.2 µs, p90 41.0 µs, 48,210 texts/s (31,400 timings)` */
export function formatSpeed(s: SpeedFigures): string {
  return (
    `median ${s.medianMicros.toFixed(1)} µs, p90 ` +
    `${s.p90Micros.toFixed(1)} µs, ` +
    `${Math.round(s.textsPerSecond).toLocaleString('en')} texts/s (` +
    `${s.texts.toLocaleString('en')} timings)`
  );
}

/** Agreement of two label lists, with a row per true label: `Blame → blame 80, none 12, …`. */
export function formatConfusion(pairs: Array<[string, string]>): string[] {
  const rows = new Map<string, Map<string, number>>();
  for (const [truth, said] of pairs) {
    const row = rows.get(truth) ?? new Map<string, number>();
    row.set(said, (row.get(said) ?? 0) + 1);
    rows.set(truth, row);
  }
  return [...rows].map(
    ([truth, row]) =>
      `${truth.padEnd(22)} → ${[...row]
        .sort((a, b) => b[1] - a[1])
        .map(([s, n]) => `${s} ${n}`)
        .join(', ')}`,
  );
}
