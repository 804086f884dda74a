import cron from 'node-cron';
import {
  intSetting,
  optionalText,
  type ParsedSettings,
  type SettingShape,
  textSetting,
} from '../core/settings/setting-types.js';

const cronSetting = (defaultValue: string, help: string) =>
  textSetting(defaultValue, help).refine((s) => cron.validate(s), 'is not a cron expression');

/** Settings of learning from the team: the model folder, the nightly retrain, the "maybe missed" thread. */
export const learningSettings = {
  MODEL_DIR: optionalText(
    'folder of the adopted complaint model and the one before it; ' +
      'default: models/ beside the SQLite database (./data/models)',
  ),
  TRAINING_DATA_DIR: optionalText(
    'folder of the labelled data sets (../shared/data) the nightly ' +
      'retrain learns from too; empty: it adjusts the running model to the team labels',
  ),
  RETRAIN_CRON: cronSetting('30 2 * * *', 'cron expression of the nightly retrain, in TEAM_TIMEZONE'),
  RETRAIN_MIN_NEW_LABELS: intSetting(
    20,
    1,
    100_000,
    'whole number of new team labels since the last retrain before the nightly retrain runs',
  ),
  MAYBE_MISSED_CRON: cronSetting(
    '0 9 * * *',
    'cron expression of the daily "maybe missed" thread in the team channel, in TEAM_TIMEZONE',
  ),
  MAYBE_MISSED_MAX: intSetting(20, 1, 20, 'whole number from 1 to 20: mentions listed in the "maybe missed" thread'),
} satisfies SettingShape;

type LearningParsed = ParsedSettings<typeof learningSettings>;

/** Configuration of learning from the team. */
export interface LearningConfig {
  /** Set when MODEL_DIR is; else the folder beside the database (see training/model-store modelDirFor). */
  modelDir?: string;
  trainingDataDir?: string;
  retrainCron: string;
  retrainMinNewLabels: number;
  maybeMissedCron: string;
  maybeMissedMax: number;
}

export function buildLearningConfig(p: LearningParsed): LearningConfig {
  return {
    modelDir: p.MODEL_DIR,
    trainingDataDir: p.TRAINING_DATA_DIR,
    retrainCron: p.RETRAIN_CRON,
    retrainMinNewLabels: p.RETRAIN_MIN_NEW_LABELS,
    maybeMissedCron: p.MAYBE_MISSED_CRON,
    maybeMissedMax: p.MAYBE_MISSED_MAX,
  };
}
