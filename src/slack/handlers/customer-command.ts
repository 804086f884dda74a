import type { KnownBlock } from '@slack/types';
import { findCustomers } from '../../cases/find-customers.js';
import { loadCustomerStory } from '../../cases/load-customer-story.js';
import type { DeskDeps } from '../desk-deps.js';
import { shortEscaped } from '../render/format-slack-text.js';
import { describeIdentity, storyButton } from '../render/render-customer-story.js';
import { renderStoryBlocks } from '../render/render-person-modals.js';
import { CustomerDataAction } from '../slack-ids.js';

/** An ephemeral answer: text plus optional blocks. */
export interface CommandAnswer {
  text: string;
  blocks?: KnownBlock[];
}

// An ephemeral message holds 50 blocks: the story gets 45 sections at most.
const INLINE = 60;
const MAX_SECTIONS = 45;

/**
 * `/mentions customer <handle|channel:handle|#case>`: the person's identities, cases and timeline across
 * channels, to whoever asks (ephemeral). `/mentions customer export|forget <…>`: the same person, with a
 * confirmation button; nothing happens until it is clicked.
 */
export async function answerCustomerCommand(deps: DeskDeps, words: string[]): Promise<CommandAnswer> {
  const action = words[0] === 'export' || words[0] === 'forget' ? words[0] : 'show';
  const query = (action === 'show' ? words : words.slice(1)).join(' ').trim();
  if (!query)
    return {
      text:
        'Usage: `/mentions customer <handle | channel:handle | #case>`, ' +
        '`/mentions customer export <…>`, `/mentions customer forget <…>`',
    };
  const found = await findCustomers(deps.db, query);
  if (!found.length) return { text: `Nobody is known as "${shortEscaped(query, 80)}" on any channel.` };
  if (found.length > 1)
    return {
      text: `"${shortEscaped(query, 80)}" names ${found.length} different people: ${found
        .map((f) => f.identities.map(describeIdentity).join(' + '))
        .join(' · ')}. Use \`channel:handle\`.`,
    };
  const story = await loadCustomerStory(deps.db, found[0].customerId, INLINE);
  if (!story) return { text: 'That customer no longer exists.' };
  const who = story.identities.map(describeIdentity).join(' + ') || 'this person';
  if (action === 'show')
    return { text: `The story of ${who}`, blocks: renderStoryBlocks(story, undefined, MAX_SECTIONS) };
  const value = String(story.customerId);
  const forget = action === 'forget';
  const question = forget
    ? `*Erase ${who}?* Their ${story.total} posts and messages lose ` +
      `their texts, their identities are erased, pending messages to ` +
      `them are dropped. Only anonymous counts stay. This cannot be undone.`
    : `*Export everything stored about ${who}?* You get one JSON file in a direct message from the app.`;
  return {
    text: forget ? `Erase ${who}?` : `Export ${who}?`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', verbatim: true, text: question } },
      {
        type: 'actions',
        block_id: `customer_data_${value}`,
        elements: [
          storyButton(
            forget ? CustomerDataAction.Forget : CustomerDataAction.Export,
            forget ? 'Erase for good' : 'Export',
            value,
            forget
              ? {
                  style: 'danger',
                  confirm: {
                    title: { type: 'plain_text', text: 'Erase this person?' },
                    confirm: { type: 'plain_text', text: 'Erase' },
                    deny: { type: 'plain_text', text: 'Cancel' },
                    text: { type: 'plain_text', text: 'Their texts and identities are erased for good.' },
                  },
                }
              : { style: 'primary' },
          ),
        ],
      },
    ],
  };
}
