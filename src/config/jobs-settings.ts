import cron from 'node-cron';
import {
  intSetting,
  optionalIntSetting,
  optionalText,
  type ParsedSettings,
  type SettingShape,
  textSetting,
  timeZoneSetting,
} from '../core/settings/setting-types.js';
import { type BusinessHours, BusinessHoursError, parseBusinessHours } from './business-hours.js';

const cronSetting = (defaultValue: string, help: string) =>
  textSetting(defaultValue, help).refine((s) => cron.validate(s), 'is not a cron expression');

/** Settings of the scheduled jobs: SLA escalation, follow-ups, digests, the silence alarm. */
export const jobsSettings = {
  TEAM_TIMEZONE: timeZoneSetting('UTC', 'an IANA time zone such as Europe/London: business hours and digests use it'),
  BUSINESS_HOURS: textSetting(
    '09:00-18:00',
    'the daily window the SLA clock runs in, e.g. 09:00-18:00 (00:00-24:00 for all day)',
  ),
  BUSINESS_DAYS: textSetting('mon-fri', 'days the SLA clock runs, e.g. mon-fri or mon,tue,wed,thu,fri,sat'),
  SLA_UNCLAIMED_MINUTES: intSetting(30, 1, 10_080, 'business minutes a case may stay unclaimed before it is escalated'),
  SLA_NO_REPLY_MINUTES: intSetting(60, 1, 10_080, 'business minutes a claimed case may go without a human reply'),
  SLA_REPEAT_MINUTES: intSetting(30, 1, 10_080, 'business minutes between repeated escalations of the same case'),
  SLA_CHECK_CRON: cronSetting('*/5 * * * *', 'cron expression of the SLA check, e.g. */5 * * * *'),
  FOLLOW_UP_CHECK_CRON: cronSetting('*/10 * * * *', 'cron expression of the follow-up check'),
  RATING_WINDOW_DAYS: intSetting(14, 1, 365, 'days after a follow-up during which a reply counts as its rating'),
  DIGEST_DAILY_CRON: cronSetting('0 8 * * *', 'cron expression of the daily digest, in TEAM_TIMEZONE'),
  DIGEST_WEEKLY_CRON: cronSetting('0 8 * * 1', 'cron expression of the weekly digest, in TEAM_TIMEZONE'),
  SILENCE_ALERT_MINUTES: optionalIntSetting(
    0,
    43_200,
    'minutes a channel may go without a new mention before the team ' +
      "channel is warned; unset learns it from the channel's usual " +
      'rate, 0 turns the alarm off',
  ),
  SILENCE_CHECK_CRON: cronSetting('*/5 * * * *', 'cron expression of the silence check, e.g. */5 * * * *'),
  SLACK_MANAGERS_CHANNEL_ID: optionalText("the managers' Slack channel id for digests, e.g. C0123456789"),
} satisfies SettingShape;

type JobsParsed = ParsedSettings<typeof jobsSettings>;

/** Configuration of the scheduled jobs. */
export interface JobsConfig {
  timeZone: string;
  businessHours: BusinessHours;
  sla: { unclaimedMinutes: number; noReplyMinutes: number; repeatMinutes: number; cron: string };
  followUp: { cron: string; ratingWindowDays: number };
  digest: { dailyCron: string; weeklyCron: string; managersChannelId?: string };
  /** The silence alarm: `alertMinutes` fixed, `learn` from the channel's usual rate, or `off`. */
  silence: { cron: string; alertMinutes: number | 'learn' | 'off' };
}

export function buildJobsConfig(p: JobsParsed) {
  let businessHours: BusinessHours | undefined;
  let problem: { key: string; message: string } | undefined;
  try {
    businessHours = parseBusinessHours(p.BUSINESS_HOURS, p.BUSINESS_DAYS, p.TEAM_TIMEZONE);
  } catch (e) {
    if (!(e instanceof BusinessHoursError)) throw e;
    problem = { key: e.key, message: e.message };
  }
  const value: JobsConfig | null = businessHours
    ? {
        timeZone: p.TEAM_TIMEZONE,
        businessHours,
        sla: {
          unclaimedMinutes: p.SLA_UNCLAIMED_MINUTES,
          noReplyMinutes: p.SLA_NO_REPLY_MINUTES,
          repeatMinutes: p.SLA_REPEAT_MINUTES,
          cron: p.SLA_CHECK_CRON,
        },
        followUp: { cron: p.FOLLOW_UP_CHECK_CRON, ratingWindowDays: p.RATING_WINDOW_DAYS },
        digest: {
          dailyCron: p.DIGEST_DAILY_CRON,
          weeklyCron: p.DIGEST_WEEKLY_CRON,
          managersChannelId: p.SLACK_MANAGERS_CHANNEL_ID,
        },
        silence: {
          cron: p.SILENCE_CHECK_CRON,
          alertMinutes:
            p.SILENCE_ALERT_MINUTES === undefined
              ? 'learn'
              : p.SILENCE_ALERT_MINUTES === 0
                ? 'off'
                : p.SILENCE_ALERT_MINUTES,
        },
      }
    : null;
  return { value, problem, secrets: [] as Array<string | undefined> };
}
