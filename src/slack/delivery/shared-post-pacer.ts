import type { Db } from '../../store/create-db.js';
import { reservePacingSlot } from '../../store/reserve-pacing-slot.js';
import type { OnPacingWait, PaceClock, Pacer } from './pace-posts.js';

const realClock: PaceClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * PostPacer's rule (posts to one Slack channel at least `intervalMs` apart) kept in the database, for
 * several instances on one PostgreSQL: their posts to a channel together keep the pace one would.
 */
export class SharedPostPacer implements Pacer {
  constructor(
    private readonly db: Db,
    private readonly provider: 'sqlite' | 'postgresql',
    private readonly intervalMs: number,
    private readonly clock: PaceClock = realClock,
    private readonly onWait?: OnPacingWait,
  ) {}

  /** Resolves when a post to `channel` may go; reserves the slot. */
  async wait(channel: string): Promise<void> {
    const now = this.clock.now();
    const at = await reservePacingSlot(this.db, this.provider, `slack:${channel}`, this.intervalMs, now);
    if (at <= now) return;
    this.onWait?.(at - now);
    await this.clock.sleep(at - now);
  }
}
