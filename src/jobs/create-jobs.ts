import os from 'node:os';
import type { Prompts } from '../compose/load-prompts.js';
import type { Config } from '../config/load-config.js';
import type { ChannelRules } from '../core/channel-rules.js';
import { digestPeriod, postDigest } from '../digest/post-digest.js';
import type { Logger } from '../log/create-logger.js';
import { databaseProvider } from '../store/apply-migrations.js';
import type { Db } from '../store/create-db.js';
import { modelDirFor } from '../training/model-store.js';
import { escalateSla } from './escalate-sla.js';
import { type JobDefinition, JobRunner } from './job-runner.js';
import { JobSchedule } from './job-schedule.js';
import { postMaybeMissed } from './post-maybe-missed.js';
import { retrainNightly } from './retrain-nightly.js';
import { sendFollowUps } from './send-follow-ups.js';
import { checkSilence } from './watch-silence.js';

/** What the jobs need from the running app. */
export interface JobsHost {
  config: Pick<Config, 'jobs' | 'slack' | 'brand' | 'databaseUrl' | 'learning' | 'complaintThreshold'>;
  db: Db;
  logger: Logger;
  prompts: Prompts;
}

/**
 * The bot's scheduled jobs, built from the configuration. Digests need a managers' channel; the silence
 * alarm watches the `watched` channels (the ones running).
 */
export function createJobs(
  app: JobsHost,
  channelRules: (channel: string) => ChannelRules,
  watched: string[] = [],
): JobDefinition[] {
  const { config, db, logger } = app;
  const jobs = config.jobs;
  const tz = jobs.timeZone;
  const defs: JobDefinition[] = [
    {
      name: 'sla-escalation',
      schedule: new JobSchedule(jobs.sla.cron, tz, 60),
      run: async ({ now }) =>
        void logger.info({ escalated: await escalateSla(db, jobs, now, config.slack?.onCall) }, 'SLA check'),
    },
    {
      name: 'follow-ups',
      schedule: new JobSchedule(jobs.followUp.cron, tz, 60),
      run: async ({ now }) =>
        void logger.info(
          { sent: await sendFollowUps({ db, prompts: app.prompts, brandName: config.brand.name, channelRules }, now) },
          'follow-ups',
        ),
    },
    {
      name: 'retrain-model',
      schedule: new JobSchedule(config.learning.retrainCron, tz, 1440),
      run: async ({ scheduledFor, now }) =>
        void (await retrainNightly(
          {
            db,
            logger,
            modelDir: modelDirFor(config.databaseUrl, config.learning.modelDir),
            dataDir: config.learning.trainingDataDir,
            minNewLabels: config.learning.retrainMinNewLabels,
            threshold: config.complaintThreshold,
            slack: config.slack !== null,
          },
          scheduledFor.toISOString(),
          now,
        )),
    },
  ];
  if (config.slack && watched.length && jobs.silence.alertMinutes !== 'off') {
    defs.push({
      name: 'silence-alarm',
      schedule: new JobSchedule(jobs.silence.cron, tz, 60),
      run: async ({ now }) => {
        for (const channel of watched) {
          const outcome = await checkSilence(db, channel, jobs.silence.alertMinutes, now);
          if (outcome.state === 'warned')
            logger.warn(
              outcome,
              `silence alarm: no new ${channel} mention for over ${outcome.thresholdMinutes} minutes`,
            );
          if (outcome.state === 'recovered') logger.info(outcome, `silence alarm: ${channel} mentions are back`);
        }
      },
    });
  }
  if (config.slack) {
    defs.push({
      name: 'maybe-missed',
      schedule: new JobSchedule(config.learning.maybeMissedCron, tz, 1440),
      run: async ({ scheduledFor, now }) => {
        const listed = await postMaybeMissed(db, {
          max: config.learning.maybeMissedMax,
          threshold: config.complaintThreshold,
          since: new Date(scheduledFor.getTime() - 86_400_000),
          now,
          key: scheduledFor.toISOString(),
        });
        logger.info({ listed: listed.length }, 'maybe-missed list');
      },
    });
  }
  const channel = jobs.digest.managersChannelId;
  if (!channel) {
    logger.info('SLACK_MANAGERS_CHANNEL_ID is not set: scheduled digests are off (mention-desk digest still works)');
    return defs;
  }
  const provider = databaseProvider(config.databaseUrl);
  for (const kind of ['daily', 'weekly'] as const) {
    defs.push({
      name: `digest-${kind}`,
      schedule: new JobSchedule(
        kind === 'daily' ? jobs.digest.dailyCron : jobs.digest.weeklyCron,
        tz,
        (kind === 'daily' ? 1 : 8) * 1440,
      ),
      run: async ({ scheduledFor, now }) => {
        await postDigest(
          { db, provider },
          `${kind}:${scheduledFor.toISOString()}`,
          digestPeriod(kind, scheduledFor, tz),
          channel,
          now,
        );
      },
    });
  }
  return defs;
}

/** Starts the job runner for a running bot (makes up missed runs first). */
export function startJobs(
  app: JobsHost,
  channelRules: (channel: string) => ChannelRules,
  watched: string[] = [],
): JobRunner {
  const runner = new JobRunner(
    { db: app.db, logger: app.logger, owner: `${os.hostname()}:${process.pid}` },
    createJobs(app, channelRules, watched),
  );
  runner.start();
  return runner;
}
