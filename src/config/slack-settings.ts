import { optionalText, urlSetting, SettingShape, ParsedSettings } from './setting-types.js';
import { credentialGroup } from './credential-group.js';

/** Slack settings. The Slack desk adds its own (socket mode, port, team group...). */
export const slackSettings = {
  SLACK_BOT_TOKEN: optionalText('the bot token, xoxb-... (OAuth & Permissions)'),
  SLACK_SIGNING_SECRET: optionalText('the signing secret (Basic Information, App Credentials)'),
  SLACK_CHANNEL_ID: optionalText("the team channel's id, e.g. C0123456789"),
  SLACK_API_URL: urlSetting('https://slack.com/api', 'base URL of the Slack Web API, e.g. https://slack.com/api'),
} satisfies SettingShape;

type SlackParsed = ParsedSettings<typeof slackSettings>;

export interface SlackConfig {
  botToken: string;
  signingSecret: string;
  channelId: string;
  /** With a trailing slash, as @slack/web-api expects. */
  apiUrl: string;
}

export function buildSlackConfig(p: SlackParsed) {
  const group = credentialGroup('Slack', {
    SLACK_BOT_TOKEN: p.SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET: p.SLACK_SIGNING_SECRET, SLACK_CHANNEL_ID: p.SLACK_CHANNEL_ID,
  });
  const slack: SlackConfig | null = group.enabled
    ? { botToken: p.SLACK_BOT_TOKEN!, signingSecret: p.SLACK_SIGNING_SECRET!, channelId: p.SLACK_CHANNEL_ID!, apiUrl: `${p.SLACK_API_URL}/` }
    : null;
  // Every secret value, so the logger can scrub them wherever they appear.
  const secrets = [p.SLACK_BOT_TOKEN, p.SLACK_SIGNING_SECRET];
  return { value: slack, problem: group.problem, secrets };
}
