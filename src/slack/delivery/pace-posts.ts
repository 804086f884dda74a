/** A clock the pacer waits on; tests pass a fake one. */
export interface PaceClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: PaceClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Waits for a channel's next posting slot: in memory (PostPacer) or shared through the database. */
export interface Pacer {
  wait(channel: string): Promise<void>;
}

/** Told each time a pacer makes a post wait, and for how long (the metrics count it). */
export type OnPacingWait = (waitMs: number) => void;

/**
 * Keeps posts to one Slack channel at least `intervalMs` apart (Slack allows about one message per
 * second per channel; bursts may pass but are not guaranteed). Each channel has its own slot, so a DM
 * never waits for the team channel.
 */
export class PostPacer implements Pacer {
  private readonly nextSlot = new Map<string, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly clock: PaceClock = realClock,
    private readonly onWait?: OnPacingWait,
  ) {}

  /** Resolves when a post to `channel` may go; reserves the slot. */
  async wait(channel: string): Promise<void> {
    const now = this.clock.now();
    const at = Math.max(now, this.nextSlot.get(channel) ?? 0);
    this.nextSlot.set(channel, at + this.intervalMs);
    if (at <= now) return;
    this.onWait?.(at - now);
    await this.clock.sleep(at - now);
  }
}
