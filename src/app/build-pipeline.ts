import type { PipelineDeps } from '../pipeline/pipeline-deps.js';
import { acknowledgementsPaused } from '../store/runtime-settings.js';
import { brandAccountIds, limitOf, rulesOf } from './known-channels.js';
import type { AppContext } from './open-app.js';

/** The pipeline's dependencies for a running app. Channel adapters add their account ids and rules. */
export function buildPipelineDeps(app: AppContext, extra: Partial<PipelineDeps> = {}): PipelineDeps {
  const { config, db } = app;
  return {
    db,
    prompts: app.prompts,
    advocateRules: app.advocateRules,
    recent: app.recent,
    logger: app.logger,
    brand: { name: config.brand.name, handles: config.brand.handles, accountIds: brandAccountIds(config) },
    threshold: config.complaintThreshold,
    acknowledgeMinScore: config.acknowledgeMinScore,
    acknowledgeQuestionMinScore: config.acknowledgeQuestionMinScore,
    ratingWindowDays: config.jobs.followUp.ratingWindowDays,
    now: () => new Date(),
    acknowledgementsPaused: () => acknowledgementsPaused(db, config.acknowledgeAutomatically),
    budgetReached: async () => false,
    channelRules: rulesOf,
    channelLimit: limitOf,
    // Channels that know better (the Discord bot's own name) override this.
    pointerValues: () => ({ handle: config.brand.handles[0] ?? config.brand.name }),
    afterBatch: (stored) => app.statistics.wrote(stored),
    beforeBatch: app.shareRecent,
    ...extra,
  };
}
