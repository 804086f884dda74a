import { describeError } from '../core/app-error.js';
import type { Logger } from '../log/create-logger.js';
import type { Db } from '../store/create-db.js';
import type { JobSchedule } from './job-schedule.js';

/** A scheduled job: what to do for one due time. Effects must be idempotent (outbox keys per run). */
export interface JobDefinition {
  name: string;
  schedule: JobSchedule;
  run(at: { scheduledFor: Date; now: Date }): Promise<void>;
}

export interface JobRunnerDeps {
  db: Db;
  logger: Logger;
  /** Which instance this is, recorded on each run. */
  owner: string;
  now?: () => Date;
  /** A run claimed but unfinished for this long is taken over (its instance died). */
  leaseMs?: number;
}

/**
 * Runs each job once per due time, whatever the number of instances or restarts: a run is claimed by
 * inserting its (job, due time) row, which only one instance can do. At start, the latest due time
 * that has no run (the bot was down) is made up.
 */
export class JobRunner {
  private readonly now: () => Date;
  private stops: Array<() => void> = [];
  private ticking: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly deps: JobRunnerDeps,
    readonly jobs: JobDefinition[],
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Runs every job that is due and not yet run; returns the names run by this instance. */
  async tick(): Promise<string[]> {
    const ran: string[] = [];
    for (const job of this.jobs) {
      const now = this.now();
      const scheduledFor = job.schedule.lastDue(now);
      if (!scheduledFor || !(await this.claim(job.name, scheduledFor, now))) continue;
      let error: string | null = null;
      try {
        await job.run({ scheduledFor, now });
        ran.push(job.name);
      } catch (e) {
        error = describeError(e);
        this.deps.logger.error({ job: job.name, scheduledFor, error }, 'job failed');
      }
      await this.deps.db.jobRun.update({
        where: { job_scheduledFor: { job: job.name, scheduledFor } },
        data: { finishedAt: this.now(), error },
      });
    }
    return ran;
  }

  /** Makes up missed runs now, then ticks at every due time until stop(). */
  start(): void {
    const tick = () =>
      (this.ticking = this.ticking
        .then(() => this.tick())
        .catch((e) => this.deps.logger.error({ error: describeError(e) }, 'job tick failed')));
    tick();
    this.stops = this.jobs.map((j) => j.schedule.onEveryDue(tick));
  }

  async stop(): Promise<void> {
    this.stops.forEach((s) => s());
    await this.ticking;
    this.jobs.forEach((j) => j.schedule.dispose());
  }

  private async claim(job: string, scheduledFor: Date, now: Date): Promise<boolean> {
    const { db, owner } = this.deps;
    try {
      await db.jobRun.create({ data: { job, scheduledFor, owner, startedAt: now } });
      return true;
    } catch (e) {
      if ((e as { code?: string }).code !== 'P2002') throw e;
    }
    const lease = new Date(now.getTime() - (this.deps.leaseMs ?? 30 * 60_000));
    const taken = await db.jobRun.updateMany({
      where: { job, scheduledFor, finishedAt: null, startedAt: { lt: lease } },
      data: { owner, startedAt: now },
    });
    return taken.count === 1;
  }
}
