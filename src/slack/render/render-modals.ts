import type { KnownBlock, ModalView } from '@slack/types';
import { RESOLVE_OUTCOMES } from '../../cases/case-outcomes.js';
import { MAX_NOTE } from '../../cases/hand-off-case.js';
import { Input, Modal } from '../slack-ids.js';

/** What a modal remembers between opening and submitting (Slack hands it back as private_metadata). */
export interface ModalContext {
  caseId: number;
  /** Where the button was clicked, for answers only the clicker sees. */
  channel?: string;
  threadTs?: string;
}

/** Reads a modal's private_metadata; null when it is not ours. */
export function readModalContext(privateMetadata: string | undefined): ModalContext | null {
  try {
    const value = JSON.parse(privateMetadata ?? '') as ModalContext;
    return Number.isInteger(value?.caseId) ? value : null;
  } catch {
    return null;
  }
}

const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: true });

function modal(
  callbackId: string,
  title: string,
  submit: string,
  context: ModalContext,
  blocks: KnownBlock[],
): ModalView {
  return {
    type: 'modal',
    callback_id: callbackId,
    private_metadata: JSON.stringify(context),
    title: plain(title),
    submit: plain(submit),
    close: plain('Cancel'),
    blocks,
  };
}

/** Hand off: choose a team member, add a note; the note and the whole case go to them. */
export function renderHandOffModal(context: ModalContext): ModalView {
  return modal(Modal.HandOff, `Hand off case #${context.caseId}`.slice(0, 24), 'Hand off', context, [
    {
      type: 'input',
      block_id: Input.HandOffTo.block,
      label: plain('Hand it to'),
      element: { type: 'users_select', action_id: Input.HandOffTo.action, placeholder: plain('Choose a team member') },
    },
    {
      type: 'input',
      block_id: Input.HandOffNote.block,
      label: plain('Note for them'),
      optional: true,
      element: {
        type: 'plain_text_input',
        action_id: Input.HandOffNote.action,
        multiline: true,
        max_length: MAX_NOTE,
        placeholder: plain('What they need to know'),
      },
    },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          verbatim: true,
          text: 'They get a direct message with your note and the whole case; the thread says who has it.',
        },
      ],
    },
  ]);
}

/** Resolve: the outcome (and a note); the follow-up is scheduled from it. */
export function renderResolveModal(context: ModalContext, followUpDelayHours: number): ModalView {
  return modal(Modal.Resolve, `Resolve case #${context.caseId}`.slice(0, 24), 'Resolve', context, [
    {
      type: 'input',
      block_id: Input.Outcome.block,
      label: plain('Outcome'),
      element: {
        type: 'static_select',
        action_id: Input.Outcome.action,
        placeholder: plain('How did it end?'),
        options: RESOLVE_OUTCOMES.map((o) => ({ text: plain(o.label), value: o.value })),
      },
    },
    {
      type: 'input',
      block_id: Input.ResolveNote.block,
      label: plain('Note'),
      optional: true,
      element: { type: 'plain_text_input', action_id: Input.ResolveNote.action, multiline: true, max_length: MAX_NOTE },
    },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          verbatim: true,
          text: `The customer is asked how it went ${followUpDelayHours} hours after you resolve.`,
        },
      ],
    },
  ]);
}
