import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import { labelOutcome } from '../../cases/case-outcomes.js';
import type { CustomerStory, StoryEntry } from '../../cases/load-customer-story.js';
import { escapeMrkdwn } from './escape-mrkdwn.js';
import { channelName, formatHandle, formatSlackDate, shortEscaped } from './format-slack-text.js';

// Slack rejects a section text over 3000 characters: lines are packed whole below that.
const SECTION_MAX = 2900;

/** `@maria_k on X`, escaped. */
export function describeIdentity(i: { channel: string; handle: string }): string {
  return `${formatHandle(i.handle, 60)} on ${escapeMrkdwn(channelName(i.channel))}`;
}

/** One line of the timeline (mrkdwn, outside text escaped and shortened to `textMax`). */
export function describeStoryEntry(e: StoryEntry, textMax = 200): string {
  const when = formatSlackDate(e.at, '{date_short} {time}');
  const where = `${escapeMrkdwn(channelName(e.channel))}${e.isPrivate ? ' (private)' : ''}`;
  const who = e.from === 'customer' ? formatHandle(e.handle ?? '?', 60) : '*brand*';
  const ref = e.caseId !== null ? ` · #${e.caseId}` : '';
  const text = e.text ? `"${shortEscaped(e.text, textMax)}"` : '_(erased)_';
  return `${when} · ${where}${ref} · ${who}: ${text}`;
}

/** Lines packed into as few mrkdwn texts as Block Kit allows, never cutting a line. */
export function packLines(lines: string[], max = SECTION_MAX): string[] {
  const out: string[] = [];
  let current = '';
  for (const line of lines) {
    const piece = line.length > max ? `${line.slice(0, max - 1)}…` : line;
    if (current && current.length + piece.length + 1 > max) {
      out.push(current);
      current = piece;
    } else current = current ? `${current}\n${piece}` : piece;
  }
  if (current) out.push(current);
  return out;
}

/** Who the person is across channels, and their earlier cases with outcome and rating (mrkdwn). */
export function describePerson(story: CustomerStory, caseId?: number): string {
  const who = story.identities
    .slice(0, 10)
    .map((i) => `${describeIdentity(i)}${i.linkedHow ? ` _(linked: ${escapeMrkdwn(i.linkedHow)})_` : ''}`)
    .join(' · ');
  const cases = story.cases
    .filter((c) => c.id !== caseId)
    .slice(0, 5)
    .map((c) => {
      const end = c.resolvedAt ? labelOutcome(c.outcome) : c.status.replace(/_/g, ' ');
      const rated = c.rating !== null ? `, rated ${c.rating}/5` : '';
      return (
        `#${c.id} ${escapeMrkdwn(c.topic.replace(/_/g, ' '))} on ` +
        `${escapeMrkdwn(channelName(c.channel))}: ${escapeMrkdwn(end)}${rated}`
      );
    });
  const flags = `${story.optedOut ? ' · :no_bell: said stop: no automatic messages on any channel' : ''}`;
  return [
    `*The person*: ${who || '_(no identity left)_'}${flags}`,
    cases.length ? `*Other cases*: ${cases.join(' · ')}` : '*Other cases*: none',
  ].join('\n');
}

const button = (action_id: string, text: string, value: string, extra: Partial<Button> = {}): Button => ({
  type: 'button',
  action_id,
  value,
  text: { type: 'plain_text', text: text.slice(0, 75), emoji: true },
  ...extra,
});

export { button as storyButton };

/**
 * The customer's story on the case message: the person, then the newest entries of their timeline
 * across channels (inline), within one section each. `actions` are the buttons under it.
 */
export function renderCustomerStory(story: CustomerStory, caseId: number, actions: Button[]): KnownBlock[] {
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', verbatim: true, text: describePerson(story, caseId) } },
  ];
  if (story.entries.length) {
    const head = `*Timeline across channels*, newest first (${story.entries.length} of ${story.total}):`;
    const [text] = packLines([head, ...story.entries.map((e) => describeStoryEntry(e, 160))]);
    blocks.push({ type: 'section', text: { type: 'mrkdwn', verbatim: true, text } });
  }
  if (actions.length)
    blocks.push({
      type: 'actions',
      block_id: `case_person_${caseId}`,
      elements: actions.slice(0, 25),
    } satisfies ActionsBlock);
  return blocks;
}
