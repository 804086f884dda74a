import type { KnownBlock, ModalView } from '@slack/types';
import type { CustomerStory } from '../../cases/load-customer-story.js';
import { Input, Modal } from '../slack-ids.js';
import { describePerson, describeStoryEntry, packLines } from './render-customer-story.js';
import type { ModalContext } from './render-modals.js';

const plain = (text: string) => ({ type: 'plain_text' as const, text: text.slice(0, 24), emoji: true });

// A modal holds at most 100 blocks: the person, the timeline packed in sections, and a closing line.
const MAX_TIMELINE_SECTIONS = 95;

/** The person's whole timeline across channels (what *Show all* opens), packed within Block Kit limits. */
export function renderStoryBlocks(
  story: CustomerStory,
  caseId?: number,
  maxSections = MAX_TIMELINE_SECTIONS,
): KnownBlock[] {
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', verbatim: true, text: describePerson(story, caseId) } },
  ];
  const sections = packLines(story.entries.map((e) => describeStoryEntry(e, 280)));
  for (const text of sections.slice(0, maxSections))
    blocks.push({ type: 'section', text: { type: 'mrkdwn', verbatim: true, text } });
  const shown = Math.min(story.entries.length, story.total);
  const more =
    sections.length > maxSections || story.total > story.entries.length
      ? ` Older entries are in \`mention-desk customer export\`.`
      : '';
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', verbatim: true, text: `${shown} of ${story.total} entries, newest first.${more}` }],
  });
  return blocks;
}

/** *Show all*: the customer's timeline in a modal (no submit: it only shows). */
export function renderStoryModal(story: CustomerStory, caseId: number): ModalView {
  return {
    type: 'modal',
    title: plain(`Customer of #${caseId}`),
    close: plain('Close'),
    blocks: renderStoryBlocks(story, caseId),
  };
}

/** *Link to customer…*: who is this person on another channel? A handle, `channel:handle` or a name. */
export function renderLinkCustomerModal(context: ModalContext): ModalView {
  return {
    type: 'modal',
    callback_id: Modal.LinkCustomer,
    private_metadata: JSON.stringify(context),
    title: plain(`Link case #${context.caseId}`),
    submit: plain('Link'),
    close: plain('Cancel'),
    blocks: [
      {
        type: 'input',
        block_id: Input.LinkQuery.block,
        label: { type: 'plain_text', text: 'Handle or name (any channel)' },
        element: {
          type: 'plain_text_input',
          action_id: Input.LinkQuery.action,
          max_length: 200,
          placeholder: { type: 'plain_text', text: 'maria.k, discord:maria.k or Maria K' },
        },
      },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: "Every identity of that person joins this case's customer; each can be unlinked from the case.",
          },
        ],
      },
    ],
  };
}
