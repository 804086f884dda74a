import { z } from 'zod';
import { credentialGroup } from '../core/settings/credential-group.js';
import {
  intSetting,
  optionalText,
  type ParsedSettings,
  type SettingShape,
  textSetting,
  urlSetting,
} from '../core/settings/setting-types.js';

// Slack ids have a letter for their kind (U/W user, S user group, C/G channel) and upper-case letters
// and digits after it: checked here so a typo stops start-up instead of failing on the first click.
const slackId = (pattern: RegExp, help: string) =>
  z
    .preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z.string().trim().regex(pattern, help).optional(),
    )
    .describe(help);

/** Slack settings: the credentials that turn the desk on, and how the desk behaves. */
export const slackSettings = {
  SLACK_BOT_TOKEN: optionalText('the bot token, xoxb-... (OAuth & Permissions)'),
  SLACK_SIGNING_SECRET: optionalText('the signing secret (Basic Information, App Credentials)'),
  SLACK_CHANNEL_ID: optionalText("the team channel's id, e.g. C0123456789"),
  SLACK_APP_TOKEN: optionalText(
    'an app-level token, xapp-... with connections:write: turns on Socket Mode (no public URL needed)',
  ),
  SLACK_API_URL: urlSetting('https://slack.com/api', 'base URL of the Slack Web API, e.g. https://slack.com/api'),
  SLACK_HTTP_PORT: intSetting(3000, 0, 65535, 'the port Slack posts events to when Socket Mode is off, e.g. 3000'),
  SLACK_HTTP_HOST: textSetting('0.0.0.0', 'the address the HTTP receiver listens on, e.g. 0.0.0.0 or 127.0.0.1'),
  SLACK_TEAM_USERGROUP: slackId(
    /^S[A-Z0-9]{2,}$/,
    'a user group id such as S0123ABCD: only its members may act (default: members of the team channel)',
  ),
  SLACK_ONCALL: slackId(
    /^[UWS][A-Z0-9]{2,}$/,
    'a user id (U...) or user group id (S...) pinged when a case is escalated',
  ),
  FOLLOW_UP_DELAY_HOURS: intSetting(
    72,
    1,
    24 * 90,
    'whole hours after resolving a case before the customer is asked how it went',
  ),
  SLACK_MIN_POST_INTERVAL_MS: intSetting(
    1100,
    0,
    60_000,
    'milliseconds between two posts in one Slack channel (Slack allows about one per second)',
  ),
  SLACK_BURST_CASES: intSetting(
    5,
    2,
    1000,
    'new cases waiting at once (or within the burst window) that are grouped under one summary message',
  ),
  SLACK_BURST_WINDOW_MINUTES: intSetting(10, 1, 24 * 60, 'minutes during which new cases keep joining a burst summary'),
  SLACK_BURST_MAX_CASES: intSetting(50, 2, 1000, 'most cases one burst summary gathers; the next start a new one'),
  SLACK_BURST_MAX_MINUTES: intSetting(30, 1, 24 * 60, 'minutes after which a burst summary takes no more cases'),
  SLACK_BURST_CASES_PER_POST: intSetting(
    10,
    1,
    12,
    'waiting cases of a burst posted together as one thread message (1: each its own; Slack takes 50 blocks)',
  ),
  SLACK_HISTORY_READS_PER_MINUTE: intSetting(
    40,
    1,
    1000,
    'conversations.history/replies calls per minute the bot allows itself (Slack Tier 3: about 50)',
  ),
  SLACK_DRAFTING_MARK_MINUTES: intSetting(
    5,
    1,
    120,
    'minutes the "is drafting" mark stays on a case after someone opens Reply publicly (sending or closing clears it)',
  ),
} satisfies SettingShape;

type SlackParsed = ParsedSettings<typeof slackSettings>;

/** The Slack desk's configuration (null in Config when the three credentials are not set). */
export interface SlackConfig {
  botToken: string;
  signingSecret: string;
  channelId: string;
  /** With a trailing slash, as @slack/web-api expects. */
  apiUrl: string;
  /** Set: Socket Mode. Unset: HTTP on httpHost:httpPort. */
  appToken?: string;
  httpPort: number;
  httpHost: string;
  /** Only members of this user group may act; when unset, members of the team channel. */
  teamUsergroup?: string;
  /** Who is pinged on escalation: a user (U/W...) or a user group (S...). */
  onCall?: string;
  followUpDelayHours: number;
  minPostIntervalMs: number;
  burstCases: number;
  burstWindowMinutes: number;
  burstMaxCases: number;
  burstMaxMinutes: number;
  /** Cases of a burst that are waiting together go out as one thread message, at most this many. */
  burstCasesPerPost?: number;
  historyReadsPerMinute: number;
  /** How long "Jade is drafting" shows on a case's top message (the collision guard). */
  draftingMarkMinutes: number;
}

export function buildSlackConfig(p: SlackParsed) {
  const group = credentialGroup('Slack', {
    SLACK_BOT_TOKEN: p.SLACK_BOT_TOKEN,
    SLACK_SIGNING_SECRET: p.SLACK_SIGNING_SECRET,
    SLACK_CHANNEL_ID: p.SLACK_CHANNEL_ID,
  });
  const slack: SlackConfig | null = group.enabled
    ? {
        botToken: p.SLACK_BOT_TOKEN!,
        signingSecret: p.SLACK_SIGNING_SECRET!,
        channelId: p.SLACK_CHANNEL_ID!,
        apiUrl: `${p.SLACK_API_URL}/`,
        appToken: p.SLACK_APP_TOKEN,
        httpPort: p.SLACK_HTTP_PORT,
        httpHost: p.SLACK_HTTP_HOST,
        teamUsergroup: p.SLACK_TEAM_USERGROUP,
        onCall: p.SLACK_ONCALL,
        followUpDelayHours: p.FOLLOW_UP_DELAY_HOURS,
        minPostIntervalMs: p.SLACK_MIN_POST_INTERVAL_MS,
        burstCases: p.SLACK_BURST_CASES,
        burstWindowMinutes: p.SLACK_BURST_WINDOW_MINUTES,
        burstMaxCases: p.SLACK_BURST_MAX_CASES,
        burstMaxMinutes: p.SLACK_BURST_MAX_MINUTES,
        burstCasesPerPost: p.SLACK_BURST_CASES_PER_POST,
        historyReadsPerMinute: p.SLACK_HISTORY_READS_PER_MINUTE,
        draftingMarkMinutes: p.SLACK_DRAFTING_MARK_MINUTES,
      }
    : null;
  // An app token without the rest would be silently ignored: say so instead.
  const problem =
    group.problem ??
    (p.SLACK_APP_TOKEN && !group.enabled
      ? {
          key: 'SLACK_APP_TOKEN',
          message: 'Socket Mode needs SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET and SLACK_CHANNEL_ID too',
        }
      : undefined);
  // Every secret value, so the logger can scrub them wherever they appear.
  const secrets = [p.SLACK_BOT_TOKEN, p.SLACK_SIGNING_SECRET, p.SLACK_APP_TOKEN];
  return { value: slack, problem, secrets };
}
