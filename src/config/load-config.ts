import { z } from 'zod';
import { AppError, ErrorCode } from '../core/app-error.js';
import { buildCoreConfig, coreSettings, CoreConfig } from './core-settings.js';
import { buildXConfig, xSettings, XConfig } from '../../adapters/x/x-settings.js';
import { buildSlackConfig, slackSettings, SlackConfig } from './slack-settings.js';
import { buildDiscordConfig, discordSettings, DiscordConfig } from '../../adapters/discord/discord-settings.js';
import { buildJobsConfig, jobsSettings, JobsConfig } from './jobs-settings.js';
import { SettingShape } from '../core/settings/setting-types.js';

/** Every setting the bot reads, by environment name. `.env.example` lists the same keys. */
export const allSettings = { ...coreSettings, ...xSettings, ...slackSettings, ...discordSettings, ...jobsSettings } satisfies SettingShape;

/** The validated configuration. A platform is null when its credentials are not set. */
export interface Config extends CoreConfig {
  x: XConfig | null;
  slack: SlackConfig | null;
  discord: DiscordConfig | null;
  jobs: JobsConfig;
  /** Every secret value, so the logger can scrub them from anything it writes. */
  secrets: string[];
}

type Env = Record<string, string | undefined>;

/**
 * Validates every setting once, at start-up. Throws an AppError whose message is one line naming the
 * setting and how to fix it. Nothing else in the code reads process.env.
 */
export function loadConfig(env: Env = process.env): Config {
  const parsed = z.object(allSettings).safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue.path[0]);
    throw configError(key, `${issue.message}${shown(env[key])}`);
  }
  const p = parsed.data;
  const jobs = buildJobsConfig(p);
  const sections = [buildXConfig(p), buildSlackConfig(p), buildDiscordConfig(p), jobs];
  const problem = sections.find((s) => s.problem)?.problem;
  if (problem) throw configError(problem.key, problem.message);
  const [x, slack, discord] = sections.map((s) => s.value) as [XConfig | null, SlackConfig | null, DiscordConfig | null];
  const secrets = sections.flatMap((s) => s.secrets).filter((s): s is string => typeof s === 'string' && s.length >= 4);
  return { ...buildCoreConfig(p), x, slack, discord, jobs: jobs.value!, secrets };
}

function configError(key: string, problem: string): AppError {
  const help = (allSettings as SettingShape)[key]?.description;
  const expected = help ? ` Expected: ${help}.` : '';
  const line = `Setting ${key} is invalid: ${problem}.${expected} Fix it in .env or the environment (see .env.example).`;
  return new AppError(ErrorCode.ConfigInvalid, line);
}

// Show what was given, but never a long value, which could be a secret pasted into the wrong key.
function shown(value: string | undefined): string {
  if (value === undefined) return '';
  return value.length <= 40 ? ` (got "${value}")` : ' (got a value of ' + value.length + ' characters)';
}
