import type { KnownBlock } from '@slack/types';
import type { MentionView } from '../../cases/load-case-view.js';
import { MAYBE_MISSED_COMPLAINT } from '../slack-ids.js';
import { escapeMrkdwn } from './escape-mrkdwn.js';
import { channelName, formatLink, formatSlackMention, shortEscaped } from './format-slack-text.js';
import type { SlackMessage } from './render-case-message.js';

/** One mention of the list, and the case someone made of it, if any. */
export interface MaybeMissedItem {
  mention: MentionView;
  caseId?: number;
  /** Slack user id of whoever said "This is a complaint". */
  by?: string;
}

/**
 * The daily "maybe missed" list: ignored mentions that scored closest below the threshold, each with a
 * *This is a complaint* button (a case for a person, and a label the nightly retrain learns from).
 * Outside text is escaped.
 */
export function renderMaybeMissed(items: MaybeMissedItem[], threshold: number, marker?: string): SlackMessage {
  const head =
    `:mag_right: *Maybe missed*: ${items.length} ignored ` +
    `${items.length === 1 ? 'mention' : 'mentions'} that scored ` +
    `closest below the complaint threshold (${threshold}). Is one of ` +
    `them a complaint?`;
  const blocks: KnownBlock[] = [
    { type: 'section', ...(marker ? { block_id: marker } : {}), text: { type: 'mrkdwn', verbatim: true, text: head } },
  ];
  for (const { mention: m, caseId, by } of items) {
    const who =
      `*${shortEscaped(m.author.name || m.author.handle, 100)}* (@` +
      `${shortEscaped(m.author.handle, 60)}) on ${escapeMrkdwn(channelName(m.channel))}`;
    const text =
      `${who} · score ${m.score.toFixed(2)} · ` +
      `${formatLink(m.url, 'view post')}\n>` +
      `${shortEscaped(m.text.replace(/\s+/g, ' '), 400)}`;
    const done = caseId
      ? `\n:white_check_mark: Case #${caseId}${by ? ` opened by ${formatSlackMention(by)}` : ''}.`
      : '';
    blocks.push({
      type: 'section',
      block_id: `maybe_missed_${m.id}`,
      text: { type: 'mrkdwn', verbatim: true, text: text + done },
      ...(caseId
        ? {}
        : {
            accessory: {
              type: 'button',
              action_id: MAYBE_MISSED_COMPLAINT,
              value: String(m.id),
              text: { type: 'plain_text', text: 'This is a complaint' },
            },
          }),
    });
  }
  return { text: `Maybe missed: ${items.length} ignored mentions scored just below the threshold`, blocks };
}
