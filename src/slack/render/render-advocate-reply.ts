import type { AdvocateFinding } from '../../advocacy/check-advocate-text.js';
import type { DbTx } from '../../store/db-types.js';
import { parseJson } from '../../store/db-types.js';
import { escapeMrkdwn } from './escape-mrkdwn.js';
import {
  channelName,
  formatHandle,
  formatLink,
  formatSlackMention,
  quoteEscaped,
  shortEscaped,
} from './format-slack-text.js';

/** An advocate's stored reply with who wrote it and what the check found. */
export interface AdvocateReplyView {
  mentionId: number;
  caseId: number | null;
  channel: string;
  text: string;
  url: string | null;
  handle: string;
  /** Null when the account was unlinked since. */
  slackUserId: string | null;
  findings: AdvocateFinding[];
}

/** Reads an advocate's reply, or null when `mentionId` is not one. */
export async function loadAdvocateReply(db: DbTx, mentionId: number): Promise<AdvocateReplyView | null> {
  const m = await db.mention.findUnique({ where: { id: mentionId }, include: { identity: true } });
  if (!m || m.advocateId === null) return null;
  const advocate = await db.advocate.findUnique({ where: { id: m.advocateId }, select: { slackUserId: true } });
  return {
    mentionId: m.id,
    caseId: m.caseId,
    channel: m.channel,
    text: m.text,
    url: m.url,
    handle: m.identity.handle,
    slackUserId: advocate?.slackUserId ?? null,
    findings: parseJson<AdvocateFinding[]>(m.advocateFlags, []),
  };
}

/** `*agrees that the brand is bad* ("we're useless")`, escaped. */
export function describeFinding(f: AdvocateFinding): string {
  const words = f.words.slice(0, 3).map((w) => `"${shortEscaped(w, 80)}"`);
  return `*${escapeMrkdwn(f.label)}* (${words.join(', ')})`;
}

/**
 * The case thread's line for an advocate's reply: "@Jade replied from @jade_lumora on X: …", and when the
 * check flagged it, why (the advocate was told in private with a suggested wording).
 */
export function describeAdvocateReply(r: AdvocateReplyView): string {
  const who = r.slackUserId ? formatSlackMention(r.slackUserId) : 'A former advocate';
  const head =
    `:busts_in_silhouette: ${who} replied from ` +
    `${formatHandle(r.handle, 100)} on ` +
    `${escapeMrkdwn(channelName(r.channel))} · ${formatLink(r.url, 'view post')}`;
  const flags = r.findings.length
    ? `\n:warning: The advocate check flagged it: ` +
      `${r.findings.map(describeFinding).join('; ')}. They have the ` +
      `reason and a suggested wording in private.`
    : '';
  return `${head}\n${quoteEscaped(r.text, 2700 - head.length - flags.length)}${flags}`;
}

/** The direct message to an advocate whose reply was flagged: the reasons and the wording to use instead. */
export function describeFlaggedForAdvocate(r: AdvocateReplyView): string {
  const lines = r.findings.map((f) => `• ${describeFinding(f)}\n  _Try:_ ${escapeMrkdwn(f.suggestion)}`);
  return (
    `:wave: Your reply from ${formatHandle(r.handle, 100)} on ` +
    `${escapeMrkdwn(channelName(r.channel))}${r.caseId ? ` (case #${r.caseId})` : ''} · ` +
    `${formatLink(r.url, 'view post')}\n` +
    `${quoteEscaped(r.text, 1200)}\n` +
    `The advocate check flagged it:\n${lines.join('\n')}\n` +
    'If it can be edited or followed up, that wording keeps the customer on side. The case thread has the same note.'
  );
}
