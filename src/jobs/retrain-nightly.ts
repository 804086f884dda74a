import fs from 'node:fs';
import type { Logger } from '../log/create-logger.js';
import { useComplaintModelFile } from '../scoring/complaint-model.js';
import type { Db } from '../store/create-db.js';
import { enqueueIntents } from '../store/enqueue-intents.js';
import { countLabelsSince } from '../training/import-labels.js';
import { activeModelFile, readLastRetrain, readModelFile, writeLastRetrain } from '../training/model-store.js';
import { readDatasets } from '../training/read-datasets.js';
import { readTeamLabels } from '../training/read-team-labels.js';
import { type RetrainOutcome, retrainModel } from '../training/retrain-model.js';

/** What the nightly retrain needs. */
export interface RetrainJobDeps {
  db: Db;
  logger: Logger;
  modelDir: string;
  /** TRAINING_DATA_DIR: the labelled data sets to learn from too; without it the running model is adjusted. */
  dataDir?: string;
  /** RETRAIN_MIN_NEW_LABELS. */
  minNewLabels: number;
  threshold: number;
  /** Whether a Slack team channel is configured (the verdict is posted there). */
  slack: boolean;
}

/** What one nightly run did. */
export type RetrainRun = { skipped: string } | RetrainOutcome;

/**
 * Retrains when at least `minNewLabels` team labels are newer than the last retrain judged (the running
 * model's `labelsUpTo`, or the last kept candidate's), adopts the candidate only if it is not worse on the team's
 * labels (retrainModel), makes
 * this process score with the adopted model, and tells the team channel what changed. `key` (the due
 * time) makes the message go out once however many instances run.
 */
export async function retrainNightly(deps: RetrainJobDeps, key: string, now: Date): Promise<RetrainRun> {
  // New since the last retrain, adopted or not: a candidate kept once is not judged again every night.
  const current = readModelFile(activeModelFile(deps.modelDir));
  const last = readLastRetrain(deps.modelDir)?.labelsUpTo;
  const judged = [current.labelsUpTo, last]
    .filter((t): t is string => !!t)
    .sort()
    .at(-1);
  const since = judged ? new Date(judged) : undefined;
  const fresh = await countLabelsSince(deps.db, since);
  if (fresh < deps.minNewLabels) {
    const skipped = `${fresh} new team labels, fewer than RETRAIN_MIN_NEW_LABELS (${deps.minNewLabels}): no retrain`;
    deps.logger.info({ fresh }, skipped);
    return { skipped };
  }
  const team = await readTeamLabels(deps.db);
  const datasets = deps.dataDir && fs.existsSync(deps.dataDir) ? [...readDatasets(deps.dataDir).values()].flat() : [];
  const outcome = retrainModel({
    modelDir: deps.modelDir,
    labels: team.labels,
    datasets,
    labelsUpTo: team.newest,
    threshold: deps.threshold,
  });
  if (outcome.adopted) useComplaintModelFile(activeModelFile(deps.modelDir));
  if (team.newest && outcome.before) {
    writeLastRetrain(deps.modelDir, {
      labelsUpTo: team.newest.toISOString(),
      adopted: outcome.adopted,
      at: now.toISOString(),
    });
  }
  const detail = `${fresh} new labels; ${outcome.reason}.`;
  deps.logger.info({ adopted: outcome.adopted, labels: outcome.labels, fresh }, `nightly retrain: ${detail}`);
  if (deps.slack) {
    await enqueueIntents(
      deps.db,
      [
        {
          idempotencyKey: `retrain:${key}`,
          channel: 'slack',
          kind: 'slack_notice',
          purpose: 'notice',
          text: `Nightly retrain of the complaint model: ${detail}`,
          target: { notice: 'model_retrained', detail },
        },
      ],
      now,
    );
  }
  return outcome;
}
