import type { KnownBlock } from '@slack/types';
import type { MentionView } from '../../cases/load-case-view.js';
import { ALERT_OPEN_CASE } from '../slack-ids.js';
import { escapeMrkdwn } from './escape-mrkdwn.js';
import {
  channelName,
  formatHandle,
  formatLink,
  formatSlackDate,
  formatSlackMention,
  quoteEscaped,
  shortEscaped,
} from './format-slack-text.js';
import type { SlackMessage } from './render-case-message.js';

/** What became of an alert: a case someone made from it. */
export interface AlertOutcome {
  caseId: number;
  by?: string;
}

/**
 * A keyword mention the bot may not answer (it does not @mention the brand): the team sees it and can
 * make a case from it by hand. Outside text is escaped.
 */
export function renderAlert(m: MentionView, outcome: AlertOutcome | null, marker?: string): SlackMessage {
  const who =
    `*${shortEscaped(m.author.name || m.author.handle, 200)}* (` +
    `${formatHandle(m.author.handle, 100)}) on ` +
    `${escapeMrkdwn(channelName(m.channel))}`;
  const reasons = m.reasons
    .slice(0, 5)
    .map((r) => shortEscaped(r, 120))
    .join(' · ');
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      ...(marker ? { block_id: marker } : {}),
      text: {
        type: 'mrkdwn',
        verbatim: true,
        text: ':mag: *Keyword mention*: it does not @mention the brand, so the bot may not answer it.',
      },
    },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        verbatim: true,
        text: `${who} · ${formatLink(m.url, 'view post')} · ${formatSlackDate(m.postedAt)}`,
      },
    },
    { type: 'section', text: { type: 'mrkdwn', verbatim: true, text: quoteEscaped(m.text, 2800) || '>(no text)' } },
    {
      type: 'context',
      elements: [
        { type: 'mrkdwn', verbatim: true, text: `Score ${m.score.toFixed(2)}${reasons ? `: ${reasons}` : ''}` },
      ],
    },
  ];
  if (outcome) {
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          verbatim: true,
          text:
            `:white_check_mark: Case #` +
            `${outcome.caseId}${outcome.by ? ` opened by ${formatSlackMention(outcome.by)}` : ''}.`,
        },
      ],
    });
  } else {
    blocks.push({
      type: 'actions',
      block_id: `alert_actions_${m.id}`,
      elements: [
        {
          type: 'button',
          action_id: ALERT_OPEN_CASE,
          value: String(m.id),
          text: { type: 'plain_text', text: 'Open a case' },
          style: 'primary',
        },
      ],
    });
  }
  return {
    text:
      `Keyword mention by ${shortEscaped(m.author.handle, 100)} on ` +
      `${escapeMrkdwn(channelName(m.channel))}: ${shortEscaped(m.text, 200)}`,
    blocks,
  };
}
