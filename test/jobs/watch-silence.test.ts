import { rulesOf } from '../../src/app/known-channels';
import { loadConfig } from '../../src/config/load-config';
import { createJobs } from '../../src/jobs/create-jobs';
import { JobRunner } from '../../src/jobs/job-runner';
import { MIN_LEARNT_MINUTES, silenceThresholdMinutes } from '../../src/jobs/watch-silence';
import { silentLogger } from '../../src/log/create-logger';
import type { Db } from '../../src/store/create-db';
import { prompts } from '../helpers/pipeline-deps';
import { tempDb } from '../helpers/temp-db';

const SLACK = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 'secret-1234', SLACK_CHANNEL_ID: 'C0SOCIAL01' };
const start = new Date('2026-12-01T00:00:00Z');
const minutes = (n: number) => n * 60_000;

describe('the silence alarm', () => {
  let db: Db;
  let url: string;
  let close: () => Promise<void>;
  let nowMs: number;
  let seq = 0;
  beforeEach(async () => {
    ({ db, url, close } = await tempDb());
    nowMs = start.getTime();
  });
  afterEach(() => close());

  /** A mention of `channel` received now (the pipeline stamps receivedAt with its clock). */
  async function mentionNow(channel = 'x') {
    const customer = await db.customer.create({
      data: { displayName: 'C', identities: { create: { channel, externalId: `c${++seq}`, handle: 'c', name: 'C' } } },
      include: { identities: true },
    });
    await db.mention.create({
      data: {
        channel,
        externalId: `m${seq}`,
        identityId: customer.identities[0].id,
        customerId: customer.id,
        text: 't',
        postedAt: new Date(nowMs),
        receivedAt: new Date(nowMs),
        mentionsBrand: true,
        score: 0.1,
        complaint: false,
        reasons: '[]',
        topic: 'other',
        severity: 'none',
        decision: 'ignore',
        decisionReasons: '[]',
      },
    });
  }

  /** The job as `run` schedules it, on instance `owner`, with the controllable clock. */
  function runner(env: Record<string, string>, owner = 'a', watched = ['x', 'discord']) {
    const app = { config: loadConfig({ DATABASE_URL: url, ...SLACK, ...env }), db, logger: silentLogger(), prompts };
    const jobs = createJobs(app, rulesOf, watched).filter((j) => j.name === 'silence-alarm');
    return new JobRunner({ db, logger: silentLogger(), owner, now: () => new Date(nowMs) }, jobs);
  }
  const notices = async () =>
    (await db.outboundMessage.findMany({ where: { kind: 'slack_notice' }, orderBy: { id: 'asc' } })).map((r) => ({
      key: r.idempotencyKey,
      ...(JSON.parse(r.target) as { notice: string; detail: string }),
    }));

  it('with a fixed SILENCE_ALERT_MINUTES, warns once across instances and re-runs, then notes the recovery once', async () => {
    await mentionNow('x');
    nowMs += minutes(40);
    expect(await runner({ SILENCE_ALERT_MINUTES: '45' }).tick()).toEqual(['silence-alarm']);
    expect(await notices()).toEqual([]); // 40 minutes: not yet

    nowMs += minutes(10);
    const [a, b] = await Promise.all([
      runner({ SILENCE_ALERT_MINUTES: '45' }, 'a').tick(),
      runner({ SILENCE_ALERT_MINUTES: '45' }, 'b').tick(),
    ]);
    expect([...a, ...b]).toEqual(['silence-alarm']); // one instance claims the due time
    const [warning] = await notices();
    expect(warning).toMatchObject({ notice: 'channel_silent' });
    expect(warning.detail).toMatch(/no new X mention for 50 minutes .*alarm is at 45 minutes, SILENCE_ALERT_MINUTES/);

    for (const step of [5, 5, 60]) {
      nowMs += minutes(step);
      await runner({ SILENCE_ALERT_MINUTES: '45' }).tick(); // still silent: no second warning
    }
    expect(await notices()).toHaveLength(1);

    await mentionNow('x');
    nowMs += minutes(5);
    await runner({ SILENCE_ALERT_MINUTES: '45' }).tick();
    nowMs += minutes(5);
    await runner({ SILENCE_ALERT_MINUTES: '45' }).tick();
    const all = await notices();
    expect(all.map((n) => n.notice)).toEqual(['channel_silent', 'channel_back']);
    expect(all[1].detail).toMatch(/X mentions are arriving again: the first after 2 hours of silence/);

    // A new silence after the recovery is a new warning.
    nowMs += minutes(50);
    await runner({ SILENCE_ALERT_MINUTES: '45' }).tick();
    expect((await notices()).map((n) => n.notice)).toEqual(['channel_silent', 'channel_back', 'channel_silent']);
  });

  it('learns the threshold from the usual gap between mentions, with a floor, and says nothing without history', async () => {
    // A mention every 20 minutes for a day and a half: alarm at several times that.
    for (let i = 0; i < 100; i++) {
      await mentionNow('x');
      nowMs += minutes(20);
    }
    const learnt = await silenceThresholdMinutes(db, 'x', 'learn', new Date(nowMs));
    expect(learnt).toBe(80);
    // A busy channel (one a minute) still gets the floor, not four minutes.
    for (let i = 0; i < 30; i++) {
      await mentionNow('discord');
      nowMs += minutes(1);
    }
    expect(await silenceThresholdMinutes(db, 'discord', 'learn', new Date(nowMs))).toBe(MIN_LEARNT_MINUTES);
    expect(await silenceThresholdMinutes(db, 'mastodon', 'learn', new Date(nowMs))).toBeNull();

    nowMs += minutes(55); // X silent for 105 minutes (alarm at 80), Discord for 55 (alarm at 30)
    await runner({}).tick();
    const warned = await notices();
    expect(warned.map((n) => n.key)).toEqual([
      expect.stringMatching(/^silence:x:\d+$/),
      expect.stringMatching(/^silence:discord:\d+$/),
    ]);
    expect(warned[0].detail).toMatch(
      /no new X mention for 105 minutes .*alarm is at 80 minutes, learnt from its usual rate/,
    );
    expect(warned[1].detail).toMatch(/alarm is at 30 minutes/);
  });

  it('SILENCE_ALERT_MINUTES=0 turns it off: no job', () => {
    const app = {
      config: loadConfig({ DATABASE_URL: url, ...SLACK, SILENCE_ALERT_MINUTES: '0' }),
      db,
      logger: silentLogger(),
      prompts,
    };
    expect(createJobs(app, rulesOf, ['x']).map((j) => j.name)).not.toContain('silence-alarm');
    expect(
      createJobs({ ...app, config: loadConfig({ DATABASE_URL: url, ...SLACK }) }, rulesOf, ['x']).map((j) => j.name),
    ).toContain('silence-alarm');
  });
});
