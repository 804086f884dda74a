import crypto from 'node:crypto';
import os from 'node:os';
import { describeError } from '../core/app-error.js';
import type { Logger } from '../log/create-logger.js';
import type { DbTx } from '../store/db-types.js';
import { acquireSourceLease, releaseSourceLease } from '../store/source-lease.js';

/** What runs while this instance holds a source: the channel adapter's start and stop. */
export interface LeasedWork {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** This process's holder id: host, pid and a random part (a pid is reused after a restart). */
export function instanceId(): string {
  return `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`;
}

/**
 * Runs each source's work on exactly one of the instances sharing a database. Every instance tries for
 * every source each `leaseMs / 3`: the holder renews its lease, the others stand by, and once a holder
 * dies (kill -9: it never says so) its lease runs out and the next try of another instance takes the
 * source over: within leaseMs plus one try. A holder that finds its lease gone (it stalled past
 * leaseMs and another took over) stops that work, so two never poll the same account at once for long.
 */
export class SourceLeaseKeeper {
  private readonly sources = new Map<string, { work: LeasedWork; running: boolean; renewedAt: number }>();
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> = Promise.resolve();
  private stopped = false;

  readonly holder: string;

  constructor(private readonly o: { db: DbTx; leaseMs: number; logger: Logger; holder?: string; now?: () => Date }) {
    this.holder = o.holder ?? instanceId();
  }

  /** Starts `work` whenever this instance holds `source`; the first try runs at once. */
  async watch(source: string, work: LeasedWork): Promise<void> {
    this.sources.set(source, { work, running: false, renewedAt: 0 });
    if (!this.timer) {
      this.timer = setInterval(() => void this.tick(), Math.max(250, Math.floor(this.o.leaseMs / 3)));
      this.timer.unref();
    }
    await this.tick();
  }

  /** Whether this instance runs `source` now (false: it stands by, another instance has it). */
  holds(source: string): boolean {
    return this.sources.get(source)?.running ?? false;
  }

  /** Stops every source's work and gives the leases back, so the others take over at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.ticking;
    for (const [source, s] of this.sources) {
      if (s.running) await s.work.stop().catch(() => undefined);
      s.running = false;
      await releaseSourceLease(this.o.db, source, this.holder).catch(() => undefined);
    }
  }

  private tick(): Promise<void> {
    this.ticking = this.ticking.then(async () => {
      for (const [source, s] of this.sources) {
        if (this.stopped) return;
        const now = this.o.now?.() ?? new Date();
        try {
          const held = await acquireSourceLease(this.o.db, source, this.holder, this.o.leaseMs, now);
          if (held) s.renewedAt = now.getTime();
          if (held && !s.running) {
            this.o.logger.info({ source, holder: this.holder }, 'holding the source: starting it');
            s.running = true;
            await s.work.start();
          } else if (!held && s.running) {
            this.o.logger.warn({ source }, 'another instance took the source over: stopping it here');
            s.running = false;
            await s.work.stop();
          }
        } catch (error) {
          this.o.logger.error({ source, error: describeError(error) }, 'source lease check failed');
          // Unable to renew: past the lease another instance may have taken over, so stop rather than double up.
          if (s.running && now.getTime() - s.renewedAt > this.o.leaseMs) {
            s.running = false;
            await s.work.stop().catch(() => undefined);
          }
        }
      }
    });
    return this.ticking;
  }
}
