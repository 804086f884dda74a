import { escapeMrkdwn } from './escape-mrkdwn.js';
import { formatSlackMention } from './format-slack-text.js';
import type { SlackMessage } from './render-case-message.js';

/** The notices the whole team channel gets (target.notice of a slack_notice intent). */
export const NOTICES: Record<string, (by: string, detail: string) => string> = {
  acks_paused: (by) =>
    `:double_vertical_bar: ${by} *paused automatic ` +
    `acknowledgements*. New complaints still open cases here; nobody ` +
    `is answered until \`/mentions resume\`.`,
  acks_resumed: (by) => `:arrow_forward: ${by} *resumed automatic acknowledgements*.`,
  // The nightly retrain's verdict (target.detail): what changed, F1 before -> after, on how many labels.
  model_retrained: (_, detail) => `:brain: *Nightly retrain of the complaint model*: ${escapeMrkdwn(detail)}`,
  // A stretch of X mentions the bot could not read (target.detail: how many, when, why).
  x_gap: (_, detail) => `:warning: *X mentions may have been missed*: ${escapeMrkdwn(detail)}`,
  // The silence alarm (src/jobs/watch-silence.ts): a channel without new mentions for far longer than usual.
  channel_silent: (_, detail) => `:mute: *No new mentions*: ${escapeMrkdwn(detail)}`,
  channel_back: (_, detail) => `:loud_sound: *Mentions are back*: ${escapeMrkdwn(detail)}`,
};

/** A notice to the team channel; null for an unknown notice name. */
export function renderNotice(
  notice: string,
  byUserId: string | undefined,
  marker: string,
  detail = '',
): SlackMessage | null {
  const render = NOTICES[notice];
  if (!render) return null;
  const text = render(byUserId ? formatSlackMention(byUserId) : 'Someone', detail);
  return { text, blocks: [{ type: 'section', block_id: marker, text: { type: 'mrkdwn', verbatim: true, text } }] };
}
