import { rulesOf } from '../../src/app/known-channels';
import { RecentTexts } from '../../src/compose/recent-texts';
import { loadConfig } from '../../src/config/load-config';
import { digestPeriod, periodFromTarget } from '../../src/digest/post-digest';
import { createJobs } from '../../src/jobs/create-jobs';
import { JobRunner } from '../../src/jobs/job-runner';
import { silentLogger } from '../../src/log/create-logger';
import { mentionsAt } from '../helpers/dst-digest-check';
import { prompts } from '../helpers/pipeline-deps';
import { tempDb } from '../helpers/temp-db';

describe('scheduled digests', () => {
  it('cover the whole day or seven whole days before their due day, in the team zone', () => {
    const due = new Date('2026-11-23T08:00:00Z');
    expect(digestPeriod('daily', due, 'UTC')).toEqual({
      from: new Date('2026-11-22T00:00:00Z'),
      to: new Date('2026-11-23T00:00:00Z'),
      bucket: 'hour',
      timeZone: 'UTC',
    });
    expect(digestPeriod('weekly', due, 'UTC').from).toEqual(new Date('2026-11-16T00:00:00Z'));
    // Local midnights, not 24-hour steps: Los Angeles left DST on Sunday 1 November 2026.
    const monday = new Date('2026-11-02T17:00:00Z'); // 09:00 PST
    expect(digestPeriod('weekly', monday, 'America/Los_Angeles')).toMatchObject({
      from: new Date('2026-10-26T07:00:00Z'), // midnight PDT
      to: new Date('2026-11-02T08:00:00Z'), // midnight PST
    });
    // London's spring-forward day is 23 hours long.
    const daily = digestPeriod('daily', new Date('2026-03-30T08:00:00Z'), 'Europe/London');
    expect([daily.from, daily.to]).toEqual([new Date('2026-03-29T00:00:00Z'), new Date('2026-03-29T23:00:00Z')]);
  });

  it("queue one digest per due time for the managers' channel, however many instances run", async () => {
    const { db, url, close } = await tempDb();
    const config = loadConfig({
      DATABASE_URL: url,
      SLACK_MANAGERS_CHANNEL_ID: 'C0MANAGERS',
      TEAM_TIMEZONE: 'Europe/London',
      DIGEST_WEEKLY_CRON: '0 8 * * 1',
    });
    const app = {
      config,
      db,
      logger: silentLogger(),
      prompts,
      recent: new RecentTexts(1),
      close: async () => undefined,
    };
    const now = () => new Date('2026-11-23T08:30:00Z'); // Monday 08:30 in London
    const runner = (owner: string) =>
      new JobRunner(
        { db, logger: silentLogger(), owner, now },
        createJobs(app, rulesOf).filter((j) => j.name === 'digest-weekly'),
      );
    const [a, b] = [runner('a'), runner('b')];
    await Promise.all([a.tick(), b.tick()]);
    const rows = await db.outboundMessage.findMany({ where: { kind: 'slack_digest' } });
    expect(rows).toHaveLength(1);
    expect(rows[0].idempotencyKey).toBe('digest:weekly:2026-11-23T08:00:00.000Z');
    const target = JSON.parse(rows[0].target);
    expect(target.channelId).toBe('C0MANAGERS');
    expect(periodFromTarget(target)).toEqual({
      from: new Date('2026-11-16T00:00:00Z'),
      to: new Date('2026-11-23T00:00:00Z'),
      bucket: 'day',
      timeZone: 'Europe/London',
    });
    expect(rows[0].text).toMatch(/^# Mentions digest: 2026-11-16 00:00 to 2026-11-23 00:00 \(Europe\/London\)/);
    expect(rows[0].text).toContain('Period: 7 whole days in Europe/London, midnight to midnight.');
    await a.stop();
    await b.stop();
    await close();
  });

  it('run daily on the jobs clock over a DST change: the 23-hour day of London and the mentions posted in it', async () => {
    const { db, url, close } = await tempDb();
    try {
      const config = loadConfig({
        DATABASE_URL: url,
        SLACK_MANAGERS_CHANNEL_ID: 'C0MANAGERS',
        TEAM_TIMEZONE: 'Europe/London',
        DIGEST_DAILY_CRON: '0 8 * * *',
      });
      const app = { config, db, logger: silentLogger(), prompts, recent: new RecentTexts(1), close: async () => {} };
      // 23:30 GMT on the 28th (the day before), 02:30 BST on the 29th, 23:30 BST on the 29th (22:30 UTC).
      await mentionsAt(db, ['2026-03-28T23:30:00Z', '2026-03-29T01:30:00Z', '2026-03-29T22:30:00Z']);
      const now = () => new Date('2026-03-30T07:30:00Z'); // 08:30 BST on Monday the 30th
      const runner = new JobRunner(
        { db, logger: silentLogger(), owner: 'a', now },
        createJobs(app, rulesOf).filter((j) => j.name === 'digest-daily'),
      );
      await runner.tick();
      const row = await db.outboundMessage.findFirstOrThrow({ where: { kind: 'slack_digest' } });
      expect(periodFromTarget(JSON.parse(row.target))).toMatchObject({
        from: new Date('2026-03-29T00:00:00Z'),
        to: new Date('2026-03-29T23:00:00Z'),
        bucket: 'hour',
      });
      expect(row.text).toContain('**2 mentions**');
      expect(row.text).toContain('Period: 1 whole day in Europe/London, midnight to midnight.');
      await runner.stop();
    } finally {
      await close();
    }
  });
});
