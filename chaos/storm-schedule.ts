/** Every fault the harness can inflict, by platform. */
export const STORM_KINDS = {
  x: ['x-429', 'x-503', 'x-accept-drop', 'x-accept-503', 'x-outage'],
  slack: ['slack-429', 'slack-500', 'slack-posted-500', 'slack-long-thread'],
  discord: [
    'discord-route-429',
    'discord-global-429',
    'discord-500',
    'discord-accepted-500',
    'discord-drop',
    'discord-stall',
    'discord-invalid-session',
    'discord-reconnect',
  ],
} as const;

export type Platform = keyof typeof STORM_KINDS;
export type StormKind = (typeof STORM_KINDS)[Platform][number];

/** One storm: a fault active from startMs to endMs after the start of the run. */
export interface Storm {
  kind: StormKind;
  startMs: number;
  endMs: number;
}

/** The storms of a run, asked by the fakes "is this fault on right now?". */
export class Faults {
  constructor(
    readonly storms: Storm[],
    private readonly startedAt: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Milliseconds since the start of the run. */
  elapsed(): number {
    return this.clock() - this.startedAt;
  }

  /** The storm of this kind active now, if any. */
  active(kind: StormKind): Storm | undefined {
    const t = this.elapsed();
    return this.storms.find((s) => s.kind === kind && s.startMs <= t && t < s.endMs);
  }

  /** Absolute wall-clock time (ms) at which a storm ends. */
  endsAt(storm: Storm): number {
    return this.startedAt + storm.endMs;
  }

  /** Absolute wall-clock time (ms) at which a storm starts. */
  startsAt(storm: Storm): number {
    return this.startedAt + storm.startMs;
  }
}

/**
 * Lays the storms of the chosen platforms one after another over [fromMs, toMs): each kind once (X and
 * Discord storms may overlap each other, never two of one platform), with quiet time between them so
 * every backlog can be measured on its own.
 */
export function planStorms(
  platforms: Platform[],
  fromMs: number,
  toMs: number,
  lengths: Partial<Record<StormKind, number>> = {},
  only?: StormKind[],
): Storm[] {
  const storms: Storm[] = [];
  for (const platform of platforms) {
    const kinds = (STORM_KINDS[platform] as readonly StormKind[]).filter((k) => !only || only.includes(k));
    if (!kinds.length) continue;
    const slot = (toMs - fromMs) / kinds.length;
    kinds.forEach((kind, i) => {
      const length = Math.min(lengths[kind] ?? defaultLength(kind), slot * 0.8);
      // Platforms are shifted against each other so their storms do not all start together.
      const shift = platform === 'slack' ? slot * 0.3 : platform === 'discord' ? slot * 0.15 : 0;
      const startMs = Math.round(fromMs + i * slot + shift);
      storms.push({ kind, startMs, endMs: Math.round(startMs + length) });
    });
  }
  return storms.sort((a, b) => a.startMs - b.startMs);
}

function defaultLength(kind: StormKind): number {
  if (kind === 'x-outage') return 45_000;
  if (kind === 'slack-long-thread') return 30_000;
  if (kind === 'discord-invalid-session' || kind === 'discord-reconnect') return 1_000;
  if (kind === 'discord-stall') return 40_000;
  return 25_000;
}
