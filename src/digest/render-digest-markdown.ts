import { formatLocal } from '../core/time-zone.js';
import type { Digest, DurationStat } from './digest-types.js';
import { formatMinutes } from './summary-stats.js';
import { describePeriod } from './whole-days-period.js';

/**
 * The one rule for what a period holds, printed in every digest so figures side by side are read the
 * same way: each thing falls in the period in which it happened.
 */
export const COUNTING_RULE =
  'Counted by when each thing happened in the period: a mention ' +
  'when it was posted, a case (response times, owners) when it ' +
  'opened, an SLA breach when it was escalated, a rating when its ' +
  'case was resolved. "Open cases" are the cases open now, whenever they opened.';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const num = (x: number) => x.toLocaleString('en-US');
const usd = (x: number) => `$${x.toFixed(2)}`;
const stat = (s: DurationStat) => `${formatMinutes(s.median)} | ${formatMinutes(s.p90)}`;
const table = (head: string[], rows: Array<Array<string | number>>) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

function trend(d: Digest): string {
  const { complaintShare: now, previousShare: before } = d.volume;
  if (before === undefined) return 'no earlier period to compare';
  const delta = (now - before) * 100;
  if (Math.abs(delta) < 0.5) return `steady (${pct(before)} the period before)`;
  return `${delta > 0 ? 'up' : 'down'} ${Math.abs(delta).toFixed(1)} points from ${pct(before)}`;
}

/** The digest as Markdown: what `mention-desk digest` prints and what the Slack digest is built from. */
export function renderDigestMarkdown(d: Digest): string {
  const tz = d.period.timeZone;
  const out: string[] = [];
  out.push(`# Mentions digest: ${formatLocal(d.period.from, tz)} to ${formatLocal(d.period.to, tz)} (${tz})`, '');
  out.push(
    `**${num(d.volume.total)} mentions**, ` +
      `${num(d.volume.complaints)} complaints (` +
      `${pct(d.volume.complaintShare)}, ${trend(d)}).`,
    ...(d.volume.people !== undefined
      ? [
          `From **${num(d.volume.people)} people**, ` +
            `${num(d.volume.complainingPeople ?? 0)} of them complaining (a ` +
            `person on several linked channels counts once).`,
        ]
      : []),
    '',
    `_${describePeriod(d.period)} ${COUNTING_RULE}_`,
    '',
  );
  out.push(
    '## Volume',
    '',
    table(
      ['channel', 'mentions', 'complaints'],
      d.byChannel.map((c) => [c.channel, num(c.total), num(c.complaints)]),
    ),
    '',
  );
  out.push(
    table(
      ['topic', 'mentions', 'complaints'],
      d.byTopic.map((t) => [t.topic.replace(/_/g, ' '), num(t.total), num(t.complaints)]),
    ),
    '',
  );
  out.push('## Response times', '', 'Measured from the moment the case opened.', '');
  out.push(
    table(
      ['step', 'cases', 'median', '90th percentile'],
      [
        ['acknowledge', d.times.acknowledge.n, stat(d.times.acknowledge)],
        ['claim', d.times.claim.n, stat(d.times.claim)],
        ['first human reply', d.times.firstHumanReply.n, stat(d.times.firstHumanReply)],
        ['resolve', d.times.resolve.n, stat(d.times.resolve)],
      ],
    ),
    '',
  );
  if (d.perOwner.length) {
    out.push(
      '## Per owner',
      '',
      table(
        ['owner', 'cases', 'claim (median / p90)', 'first reply (median / p90)', 'resolve (median / p90)'],
        d.perOwner.map((o) => [o.owner, o.cases, stat(o.claim), stat(o.firstHumanReply), stat(o.resolve)]),
      ),
      '',
    );
  }
  out.push(
    '## SLA',
    '',
    d.sla.breaches
      ? `${d.sla.breaches} case${d.sla.breaches === 1 ? '' : 's'} breached the SLA: ${d.sla.cases
          .slice(0, 10)
          .map((c) => `#${c.id} (${c.escalations}×)`)
          .join(', ')}.`
      : 'No SLA breaches.',
    '',
  );
  out.push(
    '## Open cases',
    '',
    `${d.open.total} open, ${d.open.unclaimed} unclaimed.` +
      (d.open.oldest.length ? ` Oldest: ${d.open.oldest.map((o) => describeOldest(o, tz)).join(', ')}.` : ''),
    '',
  );
  out.push(
    '## Follow-up ratings',
    '',
    d.ratings.count
      ? `${d.ratings.count} rating${d.ratings.count === 1 ? '' : 's'}, ` +
          `average ${d.ratings.average!.toFixed(1)} / 5 (` +
          `${[5, 4, 3, 2, 1].map((s) => `${s}: ${d.ratings.distribution[s] ?? 0}`).join(', ')}).`
      : 'No ratings in this period.',
    '',
  );
  if (d.advocates)
    out.push(
      '## Staff advocates',
      '',
      d.advocates.replies
        ? `${num(d.advocates.replies)} repl` +
            `${d.advocates.replies === 1 ? 'y' : 'ies'} from ` +
            `${num(d.advocates.people)} advocate` +
            `${d.advocates.people === 1 ? '' : 's'}' own accounts joined ` +
            `cases; median time to reply ` +
            `${formatMinutes(d.advocates.reply.median)} from the case ` +
            `opening; ${num(d.advocates.flagged)} flagged by the advocate check.`
        : "No replies from advocates' own accounts.",
      '',
    );
  out.push(
    '## Spikes',
    '',
    d.spikes.length
      ? d.spikes.map((s) => `- ${s.start.replace('T', ' ')}: ${num(s.total)} mentions`).join('\n')
      : 'No unusual spikes.',
    '',
  );
  out.push(
    '## Spend',
    '',
    d.spend.byChannel.length
      ? `${usd(d.spend.totalUsd)} in total.\n\n` +
          table(
            ['channel', 'action', 'calls', 'cost'],
            d.spend.byChannel.map((s) => [s.channel, s.action, num(s.calls), usd(s.usd)]),
          )
      : 'No billable calls.',
    '',
  );
  return out.join('\n');
}

function describeOldest(o: Digest['open']['oldest'][number], tz: string): string {
  return `#${o.id} (${o.status}${o.owner ? `, ${o.owner}` : ''}, since ${formatLocal(o.openedAt, tz)})`;
}
