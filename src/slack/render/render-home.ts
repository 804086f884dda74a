import type { HomeView, KnownBlock } from '@slack/types';
import { CaseAction } from '../slack-ids.js';
import { describeCaseState } from './describe-case-state.js';
import { escapeMrkdwn } from './escape-mrkdwn.js';
import { channelName, formatLink, shortEscaped } from './format-slack-text.js';

/** One of the user's open cases, as the App Home lists it. */
export interface HomeCase {
  id: number;
  status: string;
  ownerSlackId: string | null;
  claimedAt: Date | null;
  topic: string;
  severity: string;
  customerName: string;
  channel: string;
  text: string;
  permalink?: string;
}

const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: true });

/** The App Home tab: the user's own open cases with their buttons, and what is waiting for anyone. */
export function renderHome(cases: HomeCase[], unclaimed: number, teamChannelId: string): HomeView {
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(cases.length ? `Your open cases (${cases.length})` : 'You have no open cases') },
  ];
  for (const c of cases) {
    const title = formatLink(c.permalink, `Case #${c.id}`);
    blocks.push(
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          verbatim: true,
          text:
            `*${title}* · ${escapeMrkdwn(c.topic.replace(/_/g, ' '))} · ` +
            `${escapeMrkdwn(c.severity)}\n` +
            describeCaseState({ ...c, resolvedAt: null, outcome: null, escalationCount: 0, followUpDueAt: null }) +
            '\n' +
            (`*${shortEscaped(c.customerName, 100)}* on ` +
              `${escapeMrkdwn(channelName(c.channel))}: "${shortEscaped(c.text, 200)}"`),
        },
      },
      {
        type: 'actions',
        block_id: `home_case_${c.id}`,
        elements: [
          { type: 'button', action_id: CaseAction.Reply, value: String(c.id), text: plain('Reply publicly') },
          { type: 'button', action_id: CaseAction.HandOff, value: String(c.id), text: plain('Hand off') },
          { type: 'button', action_id: CaseAction.Resolve, value: String(c.id), text: plain('Resolve') },
        ],
      },
    );
  }
  blocks.push(
    { type: 'divider' },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          verbatim: true,
          text: `Unclaimed in <#${teamChannelId}>: ${unclaimed}. \`/mentions status\` shows the whole desk.`,
        },
      ],
    },
  );
  return { type: 'home', blocks: blocks.slice(0, 100) };
}

/** The App Home of someone outside the team: no cases, no buttons. */
export function renderHomeRefusal(): HomeView {
  return {
    type: 'home',
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          verbatim: true,
          text: ':no_entry: This desk is for the support team. Ask to join the team channel to see and take cases.',
        },
      },
    ],
  };
}
