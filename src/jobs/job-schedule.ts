import cron, { type ScheduledTask } from 'node-cron';

/** A cron expression in a time zone, asked "when were you last due?". */
export class JobSchedule {
  private readonly matcher: ScheduledTask;

  constructor(
    readonly expression: string,
    readonly timeZone: string,
    private readonly lookbackMinutes: number,
  ) {
    if (!cron.validate(expression)) throw new Error(`"${expression}" is not a cron expression (e.g. "0 8 * * 1")`);
    // A task that is never started: node-cron's own matcher, time zone included.
    this.matcher = cron.createTask(expression, () => undefined, { timezone: timeZone });
  }

  /** The latest due minute at or before `now`, looking back at most `lookbackMinutes`; null if none. */
  lastDue(now: Date): Date | null {
    const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
    for (let i = 0; i <= this.lookbackMinutes; i++) {
      const candidate = new Date(minute.getTime() - i * 60_000);
      if (this.matcher.match(candidate)) return candidate;
    }
    return null;
  }

  /** Starts calling `fire` at every due time (the clock of a running bot); returns how to stop. */
  onEveryDue(fire: () => void): () => void {
    const task = cron.schedule(this.expression, () => fire(), { timezone: this.timeZone, noOverlap: true });
    return () => void task.destroy();
  }

  dispose(): void {
    void this.matcher.destroy();
  }
}
