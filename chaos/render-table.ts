import type { ChannelOutcome, ChaosReport, Multiplicity, StormBacklog } from './measure-outcomes';

const mult = (m: Multiplicity | null) =>
  m ? `${m.total}: ${m.zero}x0 ${m.one}x1 ${m.more}x2+ (dup ${m.duplicates})` : 'n/a';
const secs = (s: number | null) => (s === null ? '-' : `${s.toFixed(1)} s`);
const stuck = (s: { sending: number; due: number }) => `${s.sending} sending, ${s.due} due`;

function pad(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) =>
    r
      .map((cell, c) => cell.padEnd(widths[c]))
      .join(' | ')
      .trimEnd(),
  );
}

function stormLine(s: StormBacklog): string {
  const parts: string[] = [];
  if (s.drainedAfterS !== null && s.healthyS !== null && s.healthyS < s.drainedAfterS)
    parts.push(`${s.healthyS} s of it with no later storm on`);
  const before = s.healthyS ?? s.drainedAfterS;
  if (s.runningS !== null && before !== null && s.runningS < before)
    parts.push(`${s.runningS} s of ${parts.length ? 'those' : 'it'} with the bot running`);
  const drained =
    s.drainedAfterS === null
      ? `NOT drained (${s.neverSent} never sent)`
      : `drained ${s.drainedAfterS} s after${parts.length ? ` (${parts.join(', ')})` : ''}`;
  return `${s.kind} ${s.startS}-${s.endS} s: backlog ${s.backlog}, ${drained}`;
}

/** The one table of a chaos run: a column per channel, then Slack, storms and gaps. */
export function renderTable(r: ChaosReport): string {
  const ch = r.channels;
  const row = (label: string, f: (c: ChannelOutcome) => string) => [label, ...ch.map(f)];
  const rows: string[][] = [
    ['', ...ch.map((c) => (c.channel === 'x' ? 'X' : 'Discord'))],
    row('mentions fed', (c) => String(c.fed)),
    row('stored', (c) => String(c.stored)),
    row('LOST (of what the platform served)', (c) => String(c.lost)),
    row('out of the 800 timeline unseen / stored', (c) =>
      c.channel === 'x' ? `${c.outOfTimeline} / ${c.outOfTimelineStored}` : 'n/a',
    ),
    row('complaints fed', (c) => String(c.complaints)),
    row('public replies per acknowledged (want 1)', (c) => mult(c.repliesPerAcknowledged)),
    row('public replies per complaint', (c) => mult(c.repliesPerComplaint)),
    row('replies to non-complaints', (c) => String(c.repliesToOthers)),
    row('DMs per person (want <=1)', (c) => mult(c.dmsPerPerson)),
    row('Slack case messages per case (want 1)', (c) => mult(c.slackCaseMessages)),
    row('rows stuck 30 s after last restart', (c) => stuck(c.stuckAfterLastRestart)),
    row('rows stuck at the end', (c) => stuck(c.stuckAtEnd)),
    row('time to acknowledge median / p90', (c) => `${secs(c.ackMedianS)} / ${secs(c.ackP90S)}`),
    row('rows sent without a post (want 0)', (c) => String(c.sentWithoutPost)),
    row('sends with unsafe allowed_mentions', (c) => (c.channel === 'discord' ? String(c.unsafeSends) : 'n/a')),
  ];
  const lines = [
    `mention-desk chaos: seed ${r.seed}, ${r.durationS} s, ${r.kills.total} kill -9 (${r.kills.startup} in start-up, ${r.kills.send} on a send, ${r.kills.uptime} while running) + final, ${r.lives} bot lives`,
    '',
    ...pad(rows),
    '',
    `Slack: ${r.slack.posts} posts, longest thread ${r.slack.longestThread} replies, 429s ${r.slack.rateLimited}, history/replies peak ${r.slack.peakHistoryReadsPerMinute}/min (allowed ${r.slack.historyPerMinuteAllowed}/min)`,
    `Slack rows marked sent without a post: ${r.slack.sentWithoutPost}`,
    `Slack rows stuck 30 s after last restart: ${stuck(r.slack.stuckAfterLastRestart)}; at the end: ${stuck(r.slack.stuckAtEnd)}`,
    ...(Object.keys(r.slack.unknownMethods).length
      ? [`Slack methods the fake does not know: ${JSON.stringify(r.slack.unknownMethods)}`]
      : []),
    '',
    'Backlog after each storm (public replies for X/Discord storms, case messages for Slack storms):',
    ...[...ch.flatMap((c) => c.storms), ...r.slack.storms]
      .sort((a, b) => a.startS - b.startS)
      .map((s) => `  ${stormLine(s)}`),
    '',
    `Gaps: ${r.gaps.happened} X mentions fell out of the timeline unseen (${r.gaps.episodes} episodes); detected by the bot: ${r.gaps.detectedLogLines} log lines, ${r.gaps.detectedSlackMessages} Slack messages`,
    ...r.gaps.examples.map((e) => `  log: ${e}`),
    ...(r.unknownRequests.x.length || r.unknownRequests.discord.length
      ? [`Requests the fakes do not serve: ${JSON.stringify(r.unknownRequests)}`]
      : []),
    `Work dir (database, bot.log): ${r.workDir}`,
  ];
  return lines.join('\n');
}
