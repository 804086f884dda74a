import { z } from 'zod';
import { AppError, ErrorCode } from '../core/app-error.js';
import type { ChannelSettingsSection } from '../core/live-channel.js';
import { redactUrlCredentials } from '../core/redact-url-credentials.js';
import type { SettingShape } from '../core/settings/setting-types.js';
import { buildCoreConfig, type CoreConfig, coreSettings } from './core-settings.js';
import { buildJobsConfig, type JobsConfig, jobsSettings } from './jobs-settings.js';
import { buildLearningConfig, type LearningConfig, learningSettings } from './learning-settings.js';
import { buildSlackConfig, type SlackConfig, slackSettings } from './slack-settings.js';

/** The settings that are not a channel's, by environment name. */
export const appSettings = {
  ...coreSettings,
  ...slackSettings,
  ...jobsSettings,
  ...learningSettings,
} satisfies SettingShape;

/** Every setting: the app's and each channel's. `.env.example` lists the same keys. */
export function allSettings(channels: readonly ChannelSettingsSection[] = []): SettingShape {
  return Object.assign({}, appSettings, ...channels.map((c) => c.settings));
}

/** The validated configuration. Slack is null when its credentials are not set. */
export interface Config extends CoreConfig {
  slack: SlackConfig | null;
  /** Each channel's own configuration, by channel name; null when its credentials are not set. */
  channels: Readonly<Record<string, unknown>>;
  jobs: JobsConfig;
  /** Learning from the team: model folder, nightly retrain, "maybe missed" thread. */
  learning: LearningConfig;
  /** Every secret value, so the logger can scrub them from anything it writes. */
  secrets: string[];
}

type Env = Record<string, string | undefined>;

/**
 * Validates every setting once, at start-up. Throws an AppError whose message is one line naming the
 * setting and how to fix it. Nothing else in the code reads process.env.
 */
export function loadConfig(env: Env = process.env, channels: readonly ChannelSettingsSection[] = []): Config {
  const shape = allSettings(channels);
  const parsed = z.object(shape).safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue.path[0]);
    throw configError(shape, key, `${issue.message}${shown(env[key])}`);
  }
  const p = parsed.data as z.output<z.ZodObject<typeof appSettings>> & Record<string, unknown>;
  const jobs = buildJobsConfig(p);
  const slack = buildSlackConfig(p);
  const channelSections = channels.map((c) => ({ name: c.name, ...c.configure(p) }));
  const sections = [...channelSections, slack, jobs];
  const problem = sections.find((s) => s.problem)?.problem;
  if (problem) throw configError(shape, problem.key, problem.message);
  const secrets = [...sections.flatMap((s) => s.secrets), urlPassword(p.DATABASE_URL)].filter(
    (s): s is string => typeof s === 'string' && s.length >= 4,
  );
  const byName = Object.fromEntries(channelSections.map((c) => [c.name, c.value]));
  // buildJobsConfig returns a value whenever it reports no problem (checked above).
  return {
    ...buildCoreConfig(p),
    slack: slack.value,
    channels: byName,
    jobs: jobs.value!,
    learning: buildLearningConfig(p),
    secrets,
  };
}

function configError(shape: SettingShape, key: string, problem: string): AppError {
  const help = shape[key]?.description;
  const expected = help ? ` Expected: ${help}.` : '';
  const line = redactUrlCredentials(
    `Setting ${key} is invalid: ${problem}.${expected} Fix it in .env or the environment (see .env.example).`,
  );
  return new AppError(ErrorCode.ConfigInvalid, line);
}

// Show what was given, but never a long value, which could be a secret pasted into the wrong key.
function shown(value: string | undefined): string {
  if (value === undefined) return '';
  value = redactUrlCredentials(value);
  return value.length <= 40 ? ` (got "${value}")` : ` (got a value of ${value.length} characters)`;
}

// The password inside a PostgreSQL URL, as a secret the logger scrubs (also when it appears decoded).
function urlPassword(url: string): string | undefined {
  const m = /^[a-z]+:\/\/[^/@:]*:([^/@]+)@/i.exec(url);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}
