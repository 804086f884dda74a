import type { App, RespondFn, SlashCommand } from '@slack/bolt';
import { describeError } from '../../core/app-error.js';
import { enqueueIntents } from '../../store/enqueue-intents.js';
import { SettingKey, writeSetting } from '../../store/runtime-settings.js';
import type { DeskDeps } from '../desk-deps.js';
import { SLASH_COMMAND } from '../slack-ids.js';
import { answerAdvocateCommand } from './advocate-command.js';
import { answerCustomerCommand } from './customer-command.js';
import { describeDeskStatus, readDeskStatus } from './read-desk-status.js';
import { refusalText } from './tell-user.js';

const USAGE = [
  '`/mentions status`: open cases, unclaimed, the oldest one waiting',
  '`/mentions pause`: stop automatic public acknowledgements (the crisis kill switch); cases still open here',
  '`/mentions resume`: turn them back on',
  "`/mentions digest`: send the managers' digest now",
  '`/mentions customer <handle | channel:handle | #case>`: the ' +
    'person across channels (`export` / `forget` first: their data)',
  '`/mentions advocate add x:@your_handle | remove x:@your_handle ' +
    '| list`: link your own account; its replies join the cases',
].join('\n');

/** Turns the crisis switch and tells the whole channel who did it (one transaction: both or neither). */
async function setPaused(deps: DeskDeps, command: SlashCommand, paused: boolean): Promise<string> {
  await deps.db.$transaction(async (tx) => {
    await writeSetting(tx, SettingKey.AcknowledgementsPaused, String(paused));
    await enqueueIntents(
      tx,
      [
        {
          idempotencyKey: `slack:notice:${paused ? 'pause' : 'resume'}:${command.trigger_id}`,
          channel: 'slack',
          kind: 'slack_notice',
          purpose: 'notice',
          target: { notice: paused ? 'acks_paused' : 'acks_resumed', by: command.user_id },
          text: paused ? 'acknowledgements paused' : 'acknowledgements resumed',
        },
      ],
      deps.now(),
    );
  });
  if (paused)
    return (
      ':double_vertical_bar: Automatic acknowledgements are *paused*. ' +
      'New complaints still open cases here. `/mentions resume` turns them back on.'
    );
  if (!deps.acknowledgeAutomatically)
    return (
      'The switch is off, but ACKNOWLEDGE_AUTOMATICALLY=false in the ' +
      'configuration still keeps acknowledgements off.'
    );
  return ':arrow_forward: Automatic acknowledgements are *on* again.';
}

async function requestDigest(deps: DeskDeps, command: SlashCommand, respond: RespondFn): Promise<void> {
  try {
    const where = await deps.requestDigest!(command.user_id);
    await respond({ response_type: 'ephemeral', text: `:bookmark_tabs: ${where}` });
  } catch (error) {
    deps.logger.error({ user: command.user_id, error: describeError(error) }, 'digest on request failed');
    await respond({
      response_type: 'ephemeral',
      text: ':warning: The digest could not be built; the error is logged.',
    });
  }
}

/** `/mentions status | pause | resume | digest | customer | advocate`: answers only the person who typed it. */
export function registerMentionsCommand(app: App, deps: DeskDeps): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond }) => {
    const say = (text: string) => ack({ response_type: 'ephemeral', text });
    try {
      if (!(await deps.isMember(command.user_id))) return await say(refusalText(deps));
      const word = command.text.trim().toLowerCase().split(/\s+/)[0] || 'status';
      if (word === 'status')
        return await say(describeDeskStatus(await readDeskStatus(deps.db), deps.acknowledgeAutomatically, deps.now()));
      if (word === 'customer') {
        const answer = await answerCustomerCommand(deps, command.text.trim().split(/\s+/).slice(1));
        return await ack({ response_type: 'ephemeral', ...answer });
      }
      if (word === 'advocate')
        return await say(
          await answerAdvocateCommand(
            deps,
            command.user_id,
            command.text.trim().split(/\s+/).slice(1),
            deps.brandHandle,
          ),
        );
      if (word === 'pause' || word === 'resume') return await say(await setPaused(deps, command, word === 'pause'));
      if (word === 'digest') {
        if (!deps.requestDigest)
          return await say('Digests are not configured on this desk yet, so there is nothing to send.');
        await say(':hourglass_flowing_sand: Building the digest…');
        return await requestDigest(deps, command, respond);
      }
      return await say(`I know these:\n${USAGE}`);
    } catch (error) {
      deps.logger.error({ user: command.user_id, error: describeError(error) }, '/mentions failed');
      await say(':warning: Something went wrong; the error is logged. Nothing changed.').catch(() => undefined);
    }
  });
}
