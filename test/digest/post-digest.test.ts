import { rulesOf } from '../../src/app/known-channels';
import { RecentTexts } from '../../src/compose/recent-texts';
import { loadConfig } from '../../src/config/load-config';
import { digestPeriod, periodFromTarget } from '../../src/digest/post-digest';
import { createJobs } from '../../src/jobs/create-jobs';
import { JobRunner } from '../../src/jobs/job-runner';
import { silentLogger } from '../../src/log/create-logger';
import { prompts } from '../helpers/pipeline-deps';
import { tempDb } from '../helpers/temp-db';

describe('scheduled digests', () => {
  it('cover the day or week before their due time', () => {
    const end = new Date('2026-11-23T08:00:00Z');
    expect(digestPeriod('daily', end, 'UTC')).toEqual({
      from: new Date('2026-11-22T08:00:00Z'),
      to: end,
      bucket: 'hour',
      timeZone: 'UTC',
    });
    expect(digestPeriod('weekly', end, 'UTC').from).toEqual(new Date('2026-11-16T08:00:00Z'));
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
      from: new Date('2026-11-16T08:00:00Z'),
      to: new Date('2026-11-23T08:00:00Z'),
      bucket: 'day',
      timeZone: 'Europe/London',
    });
    expect(rows[0].text).toMatch(/^# Mentions digest: 2026-11-16 08:00 to 2026-11-23 08:00 \(Europe\/London\)/);
    await a.stop();
    await b.stop();
    await close();
  });
});
