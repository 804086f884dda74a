import { labelOutcome } from '../../cases/case-outcomes.js';
import type { CaseView, SentView } from '../../cases/load-case-view.js';
import { CaseStatus } from '../../core/case-status.js';
import { escapeMrkdwn } from './escape-mrkdwn.js';
import { formatLink, formatSlackDate, shortEscaped } from './format-slack-text.js';

const KIND_LABEL: Record<SentView['kind'], string> = {
  acknowledgement: 'Public acknowledgement',
  invitation: 'Private-message invitation',
  human_reply: 'Public reply by the team',
  other: 'Message',
};

/** What the bot (and the team, through Slack) already sent the customer, with links (mrkdwn, escaped). */
export function describeBotActions(view: CaseView): string {
  const lines = view.sent.slice(-6).map((s) => {
    const head = `*${KIND_LABEL[s.kind]}*`;
    const quoted = `"${shortEscaped(s.text, 280)}"`;
    if (s.status === 'sent') return `${head}: sent${s.url ? ` (${formatLink(s.url, 'view')})` : ''}: ${quoted}`;
    if (s.status === 'held')
      return `${head}: held for a person (${shortEscaped(s.error ?? 'no reason given', 200)}): ${quoted}`;
    if (s.status === 'failed') return `${head}: not sent (${shortEscaped(s.error ?? 'failed', 200)})`;
    return `${head}: queued: ${quoted}`;
  });
  if (!view.sent.some((s) => s.kind === 'acknowledgement')) {
    lines.unshift(`*Not answered automatically*${view.holdReason ? `: ${shortEscaped(view.holdReason, 200)}` : ''}`);
  }
  if (!view.sent.some((s) => s.kind === 'invitation'))
    lines.push('*Private-message invitation*: not sent (the channel does not allow the bot to write first)');
  return joinWithin(lines, 2900);
}

/** Whole lines only (cutting mrkdwn could break a link or an entity), within Slack's block text limit. */
function joinWithin(lines: string[], max: number): string {
  let out = '';
  for (const line of lines) {
    if (out.length + line.length + 1 > max) return `${out}\n…`;
    out = out ? `${out}\n${line}` : line;
  }
  return out;
}

/** The customer's earlier cases and how they ended, plus how many posts this case holds (mrkdwn). */
export function describeHistory(view: CaseView): string {
  const posts = view.mentionCount === 1 ? '1 post in this case' : `${view.mentionCount} posts in this case`;
  if (!view.history.length) return `${posts} · first case for this customer`;
  const earlier = view.history.map((h) => {
    const end =
      h.status === CaseStatus.Resolved
        ? `resolved (${labelOutcome(h.outcome)})` +
          `${h.resolvedAt ? ` ${formatSlackDate(h.resolvedAt, '{date_short}')}` : ''}`
        : h.status === CaseStatus.ClosedNotComplaint
          ? 'closed: not a complaint'
          : `still ${escapeMrkdwn(h.status)}`;
    return (
      `#${h.id} ${escapeMrkdwn(h.topic.replace(/_/g, ' '))} on ` +
      `${escapeMrkdwn(h.channel)}, ` +
      `${formatSlackDate(h.openedAt, '{date_short}')}: ${end}`
    );
  });
  return `${posts} · earlier cases: ${earlier.join(' · ')}`;
}
