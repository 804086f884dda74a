import type { MentionOutcome } from '../pipeline/pipeline-deps.js';
import { formatReason } from '../scoring/score-types.js';

// Console text is for people: keep each outside text on one line and short, and strip terminal
// control sequences a hostile post could carry.
const oneLine = (s: string, max = 160) => {
  const flat = s
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** The lines shown for one mention in the demo (empty for duplicates: the summary counts them). */
export function presentOutcome(o: MentionOutcome, slackConfigured: boolean): string[] {
  const m = o.mention;
  const head = `${m.channel.padEnd(7)} @${oneLine(m.author.handle, 30)}: "${oneLine(m.text, 120)}"`;
  if (o.status === 'duplicate' || o.status === 'unrelated_reply') return [];
  if (o.status === 'own_post') return [head, "        ignored: the brand's own post"];
  const { score: s, decision: d } = o;
  const lines = [head + (o.status === 'edited' ? ' (edited)' : '')];
  const reasons = s.reasons.slice(0, 4).map(formatReason).join('; ');
  lines.push(
    `        score ${s.score.toFixed(2)} ` +
      `${s.complaint ? 'complaint' : 'not a complaint'} · ${s.topic} · ` +
      s.severity +
      (s.language !== 'en' ? ` · language ${s.language}` : '') +
      (reasons ? ` · ${oneLine(reasons, 140)}` : ''),
  );
  lines.push(`        decision: ${d.action.replace(/_/g, ' ')}: ${oneLine(d.reasons.join('; '), 140)}`);
  if (o.invitation) lines.push(`        private → ${oneLine(o.invitation, 200)}`);
  if (o.acknowledgement) lines.push(`        public  → ${oneLine(o.acknowledgement, 300)}`);
  const where = slackConfigured ? 'in the team channel' : '(Slack not configured: shown here)';
  if (o.caseOpened)
    lines.push(
      `        slack   → case #${o.caseId} opened ` +
        `${where}${d.holdReason ? `, not answered automatically: ${d.holdReason}` : ''}`,
    );
  else if (o.caseId !== undefined) lines.push(`        slack   → added to the thread of case #${o.caseId}`);
  else if (d.action === 'alert') lines.push(`        slack   → alert for the team ${where}`);
  return lines;
}

/** One JSON object for a mention, for `--json`. */
export function outcomeJson(o: MentionOutcome) {
  const m = o.mention;
  return {
    channel: m.channel,
    id: m.id,
    author: m.author.handle,
    status: o.status,
    score: o.score?.score,
    complaint: o.score?.complaint,
    topic: o.score?.topic,
    severity: o.score?.severity,
    language: o.score?.language,
    reasons: o.score?.reasons.map(formatReason),
    decision: o.decision?.action,
    decisionReasons: o.decision?.reasons,
    caseId: o.caseId,
    caseOpened: o.caseOpened ?? false,
    acknowledgement: o.acknowledgement,
    invitation: o.invitation,
  };
}
