import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { AdvocateCheck } from '../../advocacy/check-advocate-text.js';
import type { MentionView } from '../../cases/load-case-view.js';
import { findLiabilityPhrases } from '../../compose/check-liability.js';
import type { ChannelLimit } from '../../core/channel-limit.js';
import { Input, Modal } from '../slack-ids.js';
import { escapeMrkdwn } from './escape-mrkdwn.js';
import {
  channelName,
  formatHandle,
  formatLink,
  formatSlackDate,
  formatSlackMention,
  quoteEscaped,
  shortEscaped,
} from './format-slack-text.js';
import { describeFinding } from './render-advocate-reply.js';
import type { ModalContext } from './render-modals.js';

/** How a draft measures up on the customer's channel. */
export interface DraftCheck {
  length: number;
  max: number;
  fits: boolean;
  liability: string[];
}

/** Length as the customer's channel counts it (X: twitter-text weights) and liability-admitting phrases. */
export function checkDraft(limit: ChannelLimit, text: string): DraftCheck {
  const length = limit.measure(text);
  return { length, max: limit.maxLength, fits: length <= limit.maxLength, liability: findLiabilityPhrases(text) };
}

const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: true });

/** How a reply written in the modal goes out. */
export const ReplyHow = { Brand: 'brand', OwnAccount: 'own_account' } as const;

/** What the modal knows beyond the draft: the advocate check, who else is drafting, who owns the case. */
export interface ReplyModalSurroundings {
  check: AdvocateCheck;
  /** Someone else's drafting mark that still stands. */
  otherDrafter?: { slackId: string; until: Date };
  /** The owner, when it is someone other than the person writing. */
  otherOwner?: string;
}

const HOW_OPTIONS: PlainTextOption[] = [
  { text: plain('Send it publicly as the brand'), value: ReplyHow.Brand },
  { text: plain("I'll post it from my account"), value: ReplyHow.OwnAccount },
];

/** The advocate check's findings as warnings, each with its better wording (liability is shown above already). */
function checkBlocks(check: AdvocateCheck, liabilityShown: boolean): KnownBlock[] {
  return check.findings
    .filter((f) => !(liabilityShown && f.rule === 'admits_liability'))
    .map((f) => ({
      type: 'context' as const,
      elements: [
        {
          type: 'mrkdwn' as const,
          verbatim: true,
          text: `:warning: The advocate check: this ${describeFinding(f)}. _Try:_ ${escapeMrkdwn(f.suggestion)}`,
        },
      ],
    }));
}

/**
 * The "Reply publicly" modal: the post being answered, the text box (it reports each keystroke, so the
 * length check and the preview below it stay live), the length on the customer's channel, a warning
 * for wording that admits liability, and a preview of exactly what will be posted as the brand.
 */
export function renderReplyModal(
  context: ModalContext,
  target: MentionView,
  draft: string,
  limit: ChannelLimit,
  around: ReplyModalSurroundings = { check: { flagged: false, findings: [] } },
): ModalView {
  const where = escapeMrkdwn(channelName(target.channel));
  const check = checkDraft(limit, draft);
  const lengthLine = check.fits
    ? `:white_check_mark: ${check.length} / ${check.max} characters on ${where}`
    : `:x: ${check.length} / ${check.max} characters: too long for ` +
      `${where}${limit.note ? ` (${escapeMrkdwn(limit.note)})` : ''}`;
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        verbatim: true,
        text:
          `Replying *publicly, as the brand,* on ${where} to *` +
          `${shortEscaped(target.author.name, 100)}* (` +
          `${formatHandle(target.author.handle, 60)}):\n${quoteEscaped(target.text, 600)}`,
      },
    },
    ...(around.otherDrafter
      ? [
          {
            type: 'context' as const,
            elements: [
              {
                type: 'mrkdwn' as const,
                verbatim: true,
                text:
                  `:pencil2: ${formatSlackMention(around.otherDrafter.slackId)} is ` +
                  `drafting a reply to this case too (their mark runs to ` +
                  `${formatSlackDate(around.otherDrafter.until, '{time}')}). You ` +
                  `may go on; the case shows you as drafting now.`,
              },
            ],
          },
        ]
      : []),
    {
      type: 'input',
      block_id: Input.ReplyText.block,
      dispatch_action: true,
      label: plain('Your reply'),
      element: {
        type: 'plain_text_input',
        action_id: Input.ReplyText.action,
        multiline: true,
        max_length: 3000,
        dispatch_action_config: { trigger_actions_on: ['on_character_entered'] },
      },
    },
    { type: 'context', elements: [{ type: 'mrkdwn', verbatim: true, text: lengthLine }] },
  ];
  if (check.liability.length) {
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          verbatim: true,
          text:
            `:warning: Careful: ${check.liability.map((p) => `"${shortEscaped(p, 60)}"`).join(', ')} admits ` +
            `liability or promises money in public. Apologise for the ` +
            `experience; settle the rest in private.`,
        },
      ],
    });
  }
  blocks.push(...checkBlocks(around.check, check.liability.length > 0));
  blocks.push({
    type: 'input',
    block_id: Input.ReplyHow.block,
    optional: true,
    label: plain('How it goes out'),
    element: {
      type: 'radio_buttons',
      action_id: Input.ReplyHow.action,
      options: HOW_OPTIONS,
      initial_option: HOW_OPTIONS[0],
    },
  });
  if (around.otherOwner)
    blocks.push(
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          verbatim: true,
          text:
            `:raising_hand: ${formatSlackMention(around.otherOwner)} owns ` +
            `this case. Answering over them needs a tick below.`,
        },
      },
      {
        type: 'input',
        block_id: Input.ReplyConfirm.block,
        optional: true,
        label: plain('Someone else owns this case'),
        element: {
          type: 'checkboxes',
          action_id: Input.ReplyConfirm.action,
          options: [{ text: plain('Send anyway'), value: 'confirm' }],
        },
      },
    );
  blocks.push({
    type: 'section',
    text: {
      type: 'mrkdwn',
      verbatim: true,
      text: `*Preview*\n${draft.trim() ? quoteEscaped(draft, 2800) : '_(nothing typed yet)_'}`,
    },
  });
  return {
    type: 'modal',
    callback_id: Modal.Reply,
    private_metadata: JSON.stringify(context),
    title: plain(`Reply: case #${context.caseId}`.slice(0, 24)),
    submit: plain('Continue'),
    close: plain('Cancel'),
    blocks,
  };
}

/**
 * After "I'll post it from my account": the text ready to copy, the customer's post to answer, and what the
 * advocate check found. Nothing was sent; the case records who answers and how.
 */
export function renderOwnAccountReady(
  caseId: number,
  target: MentionView,
  text: string,
  check: AdvocateCheck,
): ModalView {
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        verbatim: true,
        text:
          `:memo: Post this from your own account as a reply to ` +
          `${formatLink(target.url, `${target.author.handle}'s post`)} on ` +
          `${escapeMrkdwn(channelName(target.channel))}. Case #` +
          `${caseId} now shows you as answering; your reply joins it when the desk sees it.`,
      },
    },
    {
      type: 'section',
      text: { type: 'mrkdwn', verbatim: true, text: `\`\`\`${shortEscaped(text, 2900).replace(/`/g, "'")}\`\`\`` },
    },
    ...checkBlocks(check, false),
  ];
  return {
    type: 'modal',
    callback_id: Modal.OwnAccountReady,
    title: plain(`Case #${caseId}: ready`.slice(0, 24)),
    close: plain('Done'),
    blocks,
  };
}
