import type { Button, KnownBlock } from '@slack/types';
import type { CaseView } from '../../cases/load-case-view.js';
import { CaseAction } from '../slack-ids.js';
import { describeBotActions } from './describe-case-context.js';
import { describeCaseState, isCaseOpen } from './describe-case-state.js';
import { escapeMrkdwn } from './escape-mrkdwn.js';
import {
  channelName,
  formatHandle,
  formatLink,
  formatSlackDate,
  quoteEscaped,
  shortEscaped,
} from './format-slack-text.js';
import { caseButtons, type SlackMessage, suggestionButtons } from './render-case-message.js';
import { describeIdentity, storyButton } from './render-customer-story.js';

/** One case of a shared message, with the block id the outbox finds its post by. */
export interface GroupedCase {
  view: CaseView;
  marker: string;
}

/**
 * Several cases of a burst in one thread message (a backlog after an outage: Slack takes about one post a
 * second per channel, so one message per case would keep the team waiting minutes). Each case is compact:
 * its header line (carrying the case's marker), the customer's words, state and score, what the bot sent,
 * the case's own buttons (four blocks at most, so 12 cases fit Slack's 50); *Show customer* opens the
 * story. Later events about these cases go into the burst's thread, naming the case, as for any case of a
 * burst.
 */
export function renderCaseGroup(cases: GroupedCase[]): SlackMessage {
  const refs = cases.map((c) => `#${c.view.id}`).join(', ');
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: shortEscaped(`${cases.length} cases: ${refs}`, 150), emoji: true },
    },
  ];
  for (const c of cases) blocks.push(...groupEntry(c));
  const text = `${cases.length} new cases: ${cases
    .map(
      ({ view }) => `Case #${view.id} (${shortEscaped(view.opening?.author.handle ?? view.customer.displayName, 60)})`,
    )
    .join(', ')}`;
  return { text, blocks };
}

function groupEntry({ view, marker }: GroupedCase): KnownBlock[] {
  const m = view.opening;
  const title = `*Case #${view.id}* · ${escapeMrkdwn(view.topic.replace(/_/g, ' '))} · ${escapeMrkdwn(view.severity)}`;
  const who = m
    ? `*${shortEscaped(m.author.name || m.author.handle, 120)}* (${formatHandle(m.author.handle, 60)}) on ` +
      `${escapeMrkdwn(channelName(m.channel))}${m.isPrivate ? ' (private message)' : ''} · ` +
      `${formatLink(m.url, 'view post')} · ${formatSlackDate(m.postedAt)}`
    : `*${shortEscaped(view.customer.displayName, 120)}* (no post stored)`;
  const words = m ? `\n${quoteEscaped(m.text, 700) || '>(no text)'}` : '';
  const reasons = (m?.reasons ?? []).slice(0, 3).map((r) => shortEscaped(r, 80));
  const score = shortEscaped(`Score ${view.score.toFixed(2)}`, 40) + (reasons.length ? `: ${reasons.join(' · ')}` : '');
  const open = isCaseOpen(view.status);
  // One suggestion inline (the full card lists them all); its buttons need a block of their own, as there.
  const suggestion = open ? view.suggestions[0] : undefined;
  const maybeSame = suggestion
    ? `\n:mag: Possibly the same person as ${describeIdentity(suggestion)}: ${shortEscaped(suggestion.reason, 200)}`
    : '';
  const text = `${title}\n${who}${words}\n${describeCaseState(view)} · ${score}${maybeSame}`;
  // The marker sits on the case's own block: the outbox finds each case of the message by it.
  const blocks: KnownBlock[] = [
    { type: 'section', block_id: marker, text: { type: 'mrkdwn', verbatim: true, text } },
    // What the bot already sent the customer: the team must see whether they were answered.
    { type: 'context', elements: [{ type: 'mrkdwn', verbatim: true, text: describeBotActions(view) }] },
  ];
  if (!open) return blocks;
  blocks.push(caseButtons(view, personButtons(view)));
  if (suggestion) blocks.push(suggestionButtons(suggestion.id));
  return blocks;
}

// The whole story (every channel) is one click away instead of inline, and so is linking by hand.
function personButtons(view: CaseView): Button[] {
  const id = String(view.id);
  const story = view.story ? [storyButton(CaseAction.ShowAll, `Show customer (${view.story.total})`, id)] : [];
  return [...story, storyButton(CaseAction.LinkCustomer, 'Link to customer…', id)];
}
