import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn } from './escape-mrkdwn.js';
import type { SlackMessage } from './render-case-message.js';

const SECTION_MAX = 2900;

/**
 * The digest's Markdown (renderDigestMarkdown, the one source of its wording) as Slack blocks: the
 * title as a header, each `##` part as a section, tables in monospace (Slack has no tables), `**bold**`
 * as Slack's `*bold*`. Everything is escaped: Slack mentions in a digest would ping people.
 */
export function renderDigestBlocks(markdown: string, marker: string): SlackMessage {
  const lines = markdown.split('\n');
  const title = (lines.find((l) => l.startsWith('# ')) ?? '# Mentions digest').slice(2);
  const blocks: KnownBlock[] = [
    { type: 'header', block_id: marker, text: { type: 'plain_text', text: title.slice(0, 150), emoji: false } },
  ];
  let part: string[] = [];
  const flush = () => {
    const text = renderPart(part).trim();
    if (text)
      blocks.push({ type: 'section', text: { type: 'mrkdwn', verbatim: true, text: text.slice(0, SECTION_MAX) } });
    part = [];
  };
  for (const line of lines) {
    if (line.startsWith('# ')) continue;
    if (line.startsWith('## ')) flush();
    part.push(line);
  }
  flush();
  const summary = lines.find((l) => l.startsWith('**')) ?? '';
  return {
    text: escapeMrkdwn(`${title}: ${summary.replace(/\*\*/g, '')}`).slice(0, 3000),
    blocks: blocks.slice(0, 50),
  };
}

function renderPart(lines: string[]): string {
  const out: string[] = [];
  let table: string[] = [];
  const flushTable = () => {
    if (table.length) out.push(`\`\`\`${alignTable(table).join('\n')}\`\`\``);
    table = [];
  };
  for (const line of lines) {
    if (line.startsWith('|')) {
      if (!/^\|\s*---/.test(line)) table.push(line);
      continue;
    }
    flushTable();
    if (line.startsWith('## ')) out.push(`*${escapeMrkdwn(line.slice(3))}*`);
    else out.push(escapeMrkdwn(line).replace(/\*\*(.+?)\*\*/g, '*$1*'));
  }
  flushTable();
  return out.join('\n');
}

// Markdown table rows as padded monospace columns.
function alignTable(rows: string[]): string[] {
  const cells = rows.map((r) =>
    r
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((c) => escapeMrkdwn(c.trim())),
  );
  const widths = cells[0].map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells.map((r) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd(),
  );
}
