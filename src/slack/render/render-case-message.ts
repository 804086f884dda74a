import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import type { CaseView } from '../../cases/load-case-view.js';
import { CaseAction, LinkAction } from '../slack-ids.js';
import { describeBotActions, describeHistory } from './describe-case-context.js';
import { describeCaseState, isCaseOpen } from './describe-case-state.js';
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
import { describeIdentity, renderCustomerStory, storyButton } from './render-customer-story.js';

/** A message ready for chat.postMessage / chat.update: blocks plus the plain fallback Slack shows in notifications. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/**
 * The case's top message: the customer, their words (escaped), the score with its reasons, topic and
 * severity, what the bot already did, the customer's history, the current owner and state, and the
 * buttons while the case is open. `marker` is the block id that lets the outbox find the message
 * again after a crash.
 */
export function renderCaseMessage(view: CaseView, marker?: string): SlackMessage {
  const m = view.opening;
  const name = m ? m.author.name || m.author.handle : view.customer.displayName;
  const title = `Case #${view.id} · ${view.topic.replace(/_/g, ' ')} · ${view.severity}`;
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      ...(marker ? { block_id: marker } : {}),
      text: { type: 'plain_text', text: shortEscaped(title, 150), emoji: true },
    },
    { type: 'section', text: { type: 'mrkdwn', verbatim: true, text: describeCaseState(view) } },
    ...whoIsAnswering(view),
  ];
  if (m) {
    const where = `${escapeMrkdwn(channelName(m.channel))}${m.isPrivate ? ' (private message)' : ''}`;
    const who = `*${shortEscaped(m.author.name, 200)}* (${formatHandle(m.author.handle, 100)}) on ${where}`;
    const others = view.customer.identities.filter((i) => i.channel !== m.channel || i.handle !== m.author.handle);
    const aka = others.length
      ? `\nAlso writes as ${others
          .slice(0, 5)
          .map((i) => `${formatHandle(i.handle, 60)} on ${escapeMrkdwn(channelName(i.channel))}`)
          .join(', ')}`
      : '';
    blocks.push(
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          verbatim: true,
          text: `${who} · ${formatLink(m.url, 'view post')} · ${formatSlackDate(m.postedAt)}${aka}`,
        },
      },
      { type: 'section', text: { type: 'mrkdwn', verbatim: true, text: quoteEscaped(m.text, 2800) || '>(no text)' } },
    );
    const reasons = m.reasons
      .slice(0, 6)
      .map((r) => shortEscaped(r, 120))
      .join(' · ');
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          verbatim: true,
          text: shortEscaped(`Score ${view.score.toFixed(2)}`, 40) + (reasons ? `: ${reasons}` : ''),
        },
      ],
    });
  } else {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        verbatim: true,
        text: `*${shortEscaped(view.customer.displayName, 200)}* (no post stored)`,
      },
    });
  }
  blocks.push(
    { type: 'section', text: { type: 'mrkdwn', verbatim: true, text: describeBotActions(view) } },
    { type: 'context', elements: [{ type: 'mrkdwn', verbatim: true, text: describeHistory(view) }] },
  );
  blocks.push(...personBlocks(view));
  if (isCaseOpen(view.status)) blocks.push(caseButtons(view));
  const text =
    `Case #${view.id}: ${shortEscaped(name, 100)} on ` +
    `${escapeMrkdwn(channelName(view.channel))}, ` +
    `${escapeMrkdwn(view.topic)}: ${m ? shortEscaped(m.text, 200) : ''}`;
  return { text, blocks };
}

// The collision guard: who has Reply publicly open (until the mark expires, the reply goes or the case
// closes), and who said they answer from their own account.
function whoIsAnswering(view: CaseView): KnownBlock[] {
  if (!isCaseOpen(view.status)) return [];
  const lines: string[] = [];
  if (view.drafting)
    lines.push(
      `:pencil2: *${formatSlackMention(view.drafting.slackId)} is ` +
        `drafting* a reply (until ${formatSlackDate(view.drafting.until, '{time}')})`,
    );
  if (view.answering?.how === 'own_account')
    lines.push(`:busts_in_silhouette: ${formatSlackMention(view.answering.slackId)} answers from their own account`);
  if (!lines.length) return [];
  return [{ type: 'context', elements: [{ type: 'mrkdwn', verbatim: true, text: lines.join(' · ') }] }];
}

/** The buttons of an open case: take ownership (while nobody has), reply, hand off, resolve, ... */
export function caseButtons(view: CaseView, extra: Button[] = []): ActionsBlock {
  const value = String(view.id);
  const button = (action_id: string, label: string, extra: Partial<Button> = {}): Button => ({
    type: 'button',
    action_id,
    value,
    text: { type: 'plain_text', text: label, emoji: true },
    ...extra,
  });
  const elements: Button[] = [];
  if (!view.ownerSlackId) elements.push(button(CaseAction.Claim, 'Take ownership', { style: 'primary' }));
  elements.push(
    button(CaseAction.Reply, 'Reply publicly'),
    button(CaseAction.HandOff, 'Hand off'),
    button(CaseAction.Resolve, 'Resolve'),
    button(CaseAction.NotComplaint, 'Not a complaint', {
      confirm: {
        title: { type: 'plain_text', text: 'Not a complaint?' },
        confirm: { type: 'plain_text', text: 'Close the case' },
        deny: { type: 'plain_text', text: 'Cancel' },
        text: {
          type: 'mrkdwn',
          verbatim: true,
          text: 'The case is closed and the post is kept as a "not a complaint" example for the scorer.',
        },
      },
    }),
    button(CaseAction.Escalate, 'Escalate', { style: 'danger' }),
    ...extra,
  );
  return { type: 'actions', block_id: `case_actions_${view.id}`, elements };
}

// The person across channels, their timeline, and the buttons that change who they are: *Show all*,
// *Link to customer…* and *Unlink* per linked identity, then each suggestion with *Link* / *Not the same*.
function personBlocks(view: CaseView): KnownBlock[] {
  if (!view.story) return [];
  const open = isCaseOpen(view.status);
  const id = String(view.id);
  const actions: Button[] = [];
  if (view.story.total > view.story.entries.length)
    actions.push(storyButton(CaseAction.ShowAll, `Show all (${view.story.total})`, id));
  if (open) actions.push(storyButton(CaseAction.LinkCustomer, 'Link to customer…', id));
  for (const i of view.story.identities.filter((x) => x.linkId !== undefined).slice(0, 5))
    actions.push(
      storyButton(LinkAction.Unlink, `Unlink @${i.handle} (${channelName(i.channel)})`, String(i.linkId), {
        confirm: {
          title: { type: 'plain_text', text: 'Unlink this identity?' },
          confirm: { type: 'plain_text', text: 'Unlink' },
          deny: { type: 'plain_text', text: 'Cancel' },
          text: { type: 'plain_text', text: 'Their posts and cases go back to how they were before the link.' },
        },
      }),
    );
  const blocks = renderCustomerStory(view.story, view.id, actions);
  if (!open) return blocks;
  for (const s of view.suggestions) {
    blocks.push(
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text:
            `:mag: Possibly the same person as ${describeIdentity(s)} (` +
            `${shortEscaped(s.name, 80)}): ${shortEscaped(s.reason, 300)}`,
        },
      },
      suggestionButtons(s.id),
    );
  }
  return blocks;
}

/** *Link* / *Not the same* for a suggested link (a block of its own: the ids repeat per suggestion). */
export function suggestionButtons(suggestionId: number): ActionsBlock {
  return {
    type: 'actions',
    block_id: `case_suggestion_${suggestionId}`,
    elements: [
      storyButton(LinkAction.Accept, 'Link', String(suggestionId), { style: 'primary' }),
      storyButton(LinkAction.Dismiss, 'Not the same', String(suggestionId)),
    ],
  };
}
