import { type JobDefinition, JobRunner } from '../../src/jobs/job-runner';
import { JobSchedule } from '../../src/jobs/job-schedule';
import { silentLogger } from '../../src/log/create-logger';
import type { Db } from '../../src/store/create-db';
import { tempDb } from '../helpers/temp-db';

describe('JobRunner', () => {
  let db: Db;
  let close: () => Promise<void>;
  let now: Date;
  let runs: Array<{ job: string; scheduledFor: string; by: string }>;
  const schedules: JobSchedule[] = [];
  beforeEach(async () => {
    ({ db, close } = await tempDb());
    runs = [];
  });
  afterEach(async () => {
    for (const s of schedules.splice(0)) s.dispose();
    await close();
  });

  // A weekly digest at 08:00 on Mondays, Paris time; `fail` makes the run throw once.
  function instance(owner: string, opts: { fail?: boolean; hang?: boolean } = {}) {
    const schedule = new JobSchedule('0 8 * * 1', 'Europe/Paris', 8 * 1440);
    schedules.push(schedule);
    const job: JobDefinition = {
      name: 'digest-weekly',
      schedule,
      run: async ({ scheduledFor }) => {
        if (opts.hang) return new Promise<void>(() => undefined);
        if (opts.fail) throw new Error('boom');
        runs.push({ job: 'digest-weekly', scheduledFor: scheduledFor.toISOString(), by: owner });
      },
    };
    return new JobRunner({ db, logger: silentLogger(), owner, now: () => now, leaseMs: 30 * 60_000 }, [job]);
  }

  it("runs at the due time once, in the schedule's time zone", async () => {
    now = new Date('2026-11-23T06:59:00Z'); // Monday 07:59 in Paris
    const a = instance('a');
    expect(await a.tick()).toEqual(['digest-weekly']); // last Monday's run was missed (first start): made up
    now = new Date('2026-11-23T07:00:30Z'); // 08:00:30 in Paris
    expect(await a.tick()).toEqual(['digest-weekly']);
    expect(await a.tick()).toEqual([]);
    expect(runs.map((r) => r.scheduledFor)).toEqual(['2026-11-16T07:00:00.000Z', '2026-11-23T07:00:00.000Z']);
  });

  it('two instances: each due time runs on exactly one', async () => {
    now = new Date('2026-11-23T07:05:00Z');
    const [ra, rb] = await Promise.all([instance('a').tick(), instance('b').tick()]);
    expect([...ra, ...rb]).toEqual(['digest-weekly']);
    expect(runs).toHaveLength(1);
    const row = await db.jobRun.findFirstOrThrow();
    expect(row.owner).toBe(runs[0].by);
    expect(row.finishedAt).not.toBeNull();
  });

  it('a restart between the due time and the run makes the run up, once', async () => {
    now = new Date('2026-11-23T05:00:00Z'); // the bot is up before the run...
    await instance('a').tick();
    runs = [];
    now = new Date('2026-11-23T09:45:00Z'); // ...then down across 08:00 Paris, restarted at 10:45
    const restarted = instance('a2');
    expect(await restarted.tick()).toEqual(['digest-weekly']);
    expect(runs).toEqual([{ job: 'digest-weekly', scheduledFor: '2026-11-23T07:00:00.000Z', by: 'a2' }]);
    expect(await instance('a3').tick()).toEqual([]);
  });

  it('an instance that died mid-run is taken over after the lease; a failure is recorded, not retried', async () => {
    now = new Date('2026-11-23T07:01:00Z');
    void instance('dies', { hang: true }).tick();
    await new Promise((r) => setTimeout(r, 50));
    expect(await instance('b').tick()).toEqual([]); // still within its lease
    now = new Date('2026-11-23T07:40:00Z');
    expect(await instance('c').tick()).toEqual(['digest-weekly']);
    expect(runs.map((r) => r.by)).toEqual(['c']);

    now = new Date('2026-11-30T07:01:00Z');
    expect(await instance('d', { fail: true }).tick()).toEqual([]);
    expect(
      (await db.jobRun.findFirstOrThrow({ where: { scheduledFor: new Date('2026-11-30T07:00:00Z') } })).error,
    ).toMatch(/boom/);
    expect(await instance('e').tick()).toEqual([]);
  });
});
