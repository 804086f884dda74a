import path from 'node:path';
import { rulesOf } from '../../src/app/known-channels';
import { RecentTexts } from '../../src/compose/recent-texts';
import { loadConfig } from '../../src/config/load-config';
import { createJobs } from '../../src/jobs/create-jobs';
import { JobRunner } from '../../src/jobs/job-runner';
import { silentLogger } from '../../src/log/create-logger';
import { useComplaintModelFile } from '../../src/scoring/complaint-model';
import { prompts } from '../helpers/pipeline-deps';
import { tempDb, tempDir } from '../helpers/temp-db';

describe('the learning jobs', () => {
  afterEach(() => useComplaintModelFile(undefined));

  it('retrain nightly once per due time however many instances run, and list maybe-missed only with Slack', async () => {
    const { db, url, close } = await tempDb();
    const models = tempDir();
    try {
      const base = {
        DATABASE_URL: url,
        MODEL_DIR: path.join(models.dir, 'm'),
        RETRAIN_CRON: '30 2 * * *',
        RETRAIN_MIN_NEW_LABELS: '4',
      };
      const app = (env: Record<string, string>) => ({
        config: loadConfig(env),
        db,
        logger: silentLogger(),
        prompts,
        recent: new RecentTexts(1),
        close: async () => undefined,
      });
      expect(createJobs(app(base), rulesOf).map((j) => j.name)).toEqual([
        'sla-escalation',
        'follow-ups',
        'retrain-model',
      ]);
      const slack = {
        ...base,
        SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
        SLACK_SIGNING_SECRET: 'secret-1234',
        SLACK_CHANNEL_ID: 'C0SOCIAL01',
      };
      expect(createJobs(app(slack), rulesOf).map((j) => j.name)).toContain('maybe-missed');

      await db.label.createMany({
        data: Array.from({ length: 6 }, (_, i) => ({
          text: `the gizmo ${i} ${i % 2 ? 'fizzles out again' : 'hums along nicely'}`,
          complaint: i % 2 === 1,
          source: 'import:test.csv',
          by: 'cli',
        })),
      });
      const now = () => new Date('2026-12-02T03:00:00Z');
      const runner = (owner: string) =>
        new JobRunner(
          { db, logger: silentLogger(), owner, now },
          createJobs(app(slack), rulesOf).filter((j) => j.name === 'retrain-model'),
        );
      const ran = await Promise.all([runner('a').tick(), runner('b').tick()]);
      expect(ran.flat()).toEqual(['retrain-model']);
      const runs = await db.jobRun.findMany({ where: { job: 'retrain-model' } });
      expect(runs).toEqual([expect.objectContaining({ scheduledFor: new Date('2026-12-02T02:30:00Z'), error: null })]);
      const notices = await db.outboundMessage.findMany({ where: { kind: 'slack_notice' } });
      expect(notices).toEqual([
        expect.objectContaining({ idempotencyKey: 'retrain:2026-12-02T02:30:00.000Z', purpose: 'notice' }),
      ]);
      expect(JSON.parse(notices[0].target)).toMatchObject({
        notice: 'model_retrained',
        detail: expect.stringMatching(/^6 new labels; candidate (adopted|worse)/),
      });
    } finally {
      models.cleanup();
      await close();
    }
  });
});
