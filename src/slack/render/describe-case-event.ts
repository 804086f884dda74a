import type { CaseEventType } from '../../cases/case-event-type.js';
import { labelOutcome } from '../../cases/case-outcomes.js';
import { parseJson } from '../../store/db-types.js';
import { escapeMrkdwn } from './escape-mrkdwn.js';
import { channelName, formatLink, formatSlackDate, formatSlackMention, quoteEscaped } from './format-slack-text.js';

/** A stored CaseEvent, with the outbound message it is about when it records a send. */
export interface EventToDescribe {
  type: CaseEventType | string;
  actor: string;
  detail: string;
  sent?: { channel: string; text: string; by?: string; url?: string };
}

/** `slack:U123` as a mention, `bot` as "the bot"; anything else is escaped. */
export function describeActor(actor: string): string {
  if (actor === 'bot') return 'The bot';
  if (actor.startsWith('slack:')) return formatSlackMention(actor.slice('slack:'.length));
  return escapeMrkdwn(actor);
}

/** One line (mrkdwn) for the case's thread about something that happened. Notes and texts are escaped. */
export function describeCaseEvent(e: EventToDescribe): string {
  // biome-ignore lint/suspicious/noExplicitAny: the detail is JSON whose shape depends on the event type.
  const d = parseJson<Record<string, any>>(e.detail, {});
  const who = describeActor(e.actor);
  const note = (text: unknown) => (typeof text === 'string' && text.trim() ? `\n${quoteEscaped(text, 2000)}` : '');
  const type = e.type as CaseEventType;
  switch (type) {
    case 'claimed':
      return `:raising_hand: ${who} took ownership.`;
    case 'handed_off':
      return `:arrow_right_hook: ${who} handed this case to ${formatSlackMention(d.to)}.${note(d.note)}`;
    case 'resolved':
      return (
        `:white_check_mark: ${who} resolved it: *${escapeMrkdwn(labelOutcome(d.outcome))}*.` +
        `${d.followUpDueAt ? ` Follow-up due ${formatSlackDate(new Date(d.followUpDueAt))}.` : ''}${note(d.note)}`
      );
    case 'not_complaint':
      return (
        `:no_entry_sign: ${who} marked this as not a complaint. Case ` +
        `closed; the post is kept as an example for the scorer.`
      );
    case 'escalated':
      return (
        `:rotating_light: ${who} escalated this case.` +
        `${d.onCall ? ` ${formatSlackMention(d.onCall)}, please take a look.` : ''}`
      );
    case 'sla_escalated':
      return (
        `:rotating_light: SLA breached (${Number(d.count) || 1}×): ` +
        `${escapeMrkdwn(String(d.reason ?? ''))}.` +
        `${d.onCall ? ` ${formatSlackMention(d.onCall)}, please take a look.` : ''}`
      );
    case 'follow_up_queued':
      return (
        `:envelope_with_arrow: "How did we do?" is on its way to the ` +
        `customer ${d.private ? 'in private' : 'as a public reply'}:${note(d.text)}`
      );
    case 'follow_up_skipped':
      return `:zipper_mouth_face: No follow-up: ${escapeMrkdwn(String(d.reason ?? ''))}.`;
    case 'public_reply_sent':
    case 'private_message_sent': {
      const s = e.sent;
      const where = s ? escapeMrkdwn(channelName(s.channel)) : "the customer's channel";
      const link = s?.url ? ` (${formatLink(s.url, 'view')})` : '';
      if (s?.by)
        return (
          `:speech_balloon: ${formatSlackMention(s.by)}'s public reply ` + `went out on ${where}${link}:${note(s.text)}`
        );
      const what = e.type === 'public_reply_sent' ? 'Public acknowledgement' : 'Private-message invitation';
      return `:robot_face: ${what} sent on ${where}${link}.`;
    }
    case 'identity_linked': {
      const whom = `*${escapeMrkdwn(`${d.channel}:${d.handle}`)}*`;
      if (d.how === 'reference')
        return (
          `:link: Linked ${whom}, who ` +
          `${escapeMrkdwn(String(d.reason ?? 'quoted the reference'))}: ` +
          `same person, one case.`
        );
      return `:link: ${who} linked ${whom} to this customer${d.reason ? `: ${escapeMrkdwn(String(d.reason))}` : ''}.`;
    }
    case 'identity_unlinked':
      return (
        `:scissors: ${who} unlinked *` +
        `${escapeMrkdwn(`${d.channel}:${d.handle}`)}*: their posts and ` +
        `cases are theirs again` +
        (Array.isArray(d.detachedMentionIds) && d.detachedMentionIds.length
          ? ` (${d.detachedMentionIds.length} post(s) left this case)`
          : '') +
        `.${note(d.reason)}`
      );
    case 'link_suggested':
      return (
        `:mag: Possibly the same person: *` +
        `${escapeMrkdwn(`${d.channel}:${d.handle}`)}* (` +
        `${escapeMrkdwn(String(d.reason ?? ''))}). *Link* or *Not the ` +
        `same* on the case message.`
      );
    case 'link_dismissed':
      return `:heavy_multiplication_x: ${who}: *${escapeMrkdwn(`${d.channel}:${d.handle}`)}* is not the same person.`;
    case 'customer_forgotten':
      return (
        `:wastebasket: ${who} erased this person's texts and identities ` +
        `on request; only anonymous counts are kept.`
      );
    case 'own_account_draft':
      return (
        `:memo: ${who} will answer from their own account` +
        `${d.handle ? ` (@${escapeMrkdwn(String(d.handle))})` : ''}.` +
        `${describeFlags(d.flagged)}${note(d.text)}`
      );
    case 'drafting':
      return `:pencil2: ${who} is drafting a reply.`;
    case 'opened':
    case 'held':
    case 'mention_edited':
    case 'rated':
    case 'customer_wrote':
    case 'customer_wrote_privately':
    case 'reply_queued':
    case 'alert_added':
    case 'opened_from_alert':
    case 'slack_case_posted':
    case 'message_held':
    case 'send_failed':
    case 'advocate_replied': // its thread line is rendered from the advocate's post (render-thread-message)
      return plainLine(who, e.type);
    default: {
      // A type this code does not know (a row from a newer version): said plainly. The `never` makes
      // the compiler list every CaseEventType above.
      const unknown: never = type;
      return plainLine(who, String(unknown));
    }
  }
}

/** " The advocate check flagged: …" for the rule names an event recorded, or nothing. */
export function describeFlags(flagged: unknown): string {
  if (!Array.isArray(flagged) || !flagged.length) return '';
  return (
    ` :warning: The advocate check flagged: ` +
    `${flagged.map((f) => escapeMrkdwn(String(f).replace(/_/g, ' '))).join(', ')}.`
  );
}

function plainLine(who: string, type: string): string {
  return `${who}: ${escapeMrkdwn(type.replace(/_/g, ' '))}.`;
}
