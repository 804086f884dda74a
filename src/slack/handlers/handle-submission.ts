import type { SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { ActionResult } from '../../cases/action-result.js';
import { describeError } from '../../core/app-error.js';
import type { DeskDeps } from '../desk-deps.js';
import { type ModalContext, readModalContext } from '../render/render-modals.js';
import { describeRefusal } from './describe-refusal.js';
import { refusalPlain } from './tell-user.js';

/** A case action's result, or a form's own complaint about what was typed (shown as it is). */
export type SubmissionResult = ActionResult | { ok: false; message: string };

type SubmissionArgs = Pick<SlackViewMiddlewareArgs<ViewSubmitAction>, 'ack' | 'body' | 'view'>;

/**
 * Runs a modal submission: the change happens before the ack, so anything wrong (not in the team, a
 * case closed meanwhile, a reply too long) is shown in the modal under `errorBlock`, where the person
 * can fix it; the modal closes only when the change is stored. Errors show as plain text.
 */
export async function handleSubmission(
  deps: DeskDeps,
  args: SubmissionArgs,
  errorBlock: string,
  what: string,
  work: (context: ModalContext, userId: string) => Promise<SubmissionResult>,
): Promise<void> {
  const userId = args.body.user.id;
  const error = (message: string) =>
    args.ack({ response_action: 'errors', errors: { [errorBlock]: message.replace(/<[^>]*>/g, 'someone') } });
  try {
    const context = readModalContext(args.view.private_metadata);
    if (!context) return await error('This form is out of date; close it and open it again from the case.');
    if (!(await deps.isMember(userId))) return await error(refusalPlain());
    const result = await work(context, userId);
    if (!result.ok) return await error('message' in result ? result.message : describeRefusal(result));
    await args.ack();
  } catch (e) {
    deps.logger.error({ user: userId, what, error: describeError(e) }, 'Slack form failed');
    await error('Something went wrong; nothing changed. Please try again.');
  }
}
