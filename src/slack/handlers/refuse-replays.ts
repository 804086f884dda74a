import type { App } from '@slack/bolt';
import { cleanText } from '../../core/clean-text.js';
import { rememberSlackRequest } from '../../store/remember-slack-request.js';
import type { DeskDeps } from '../desk-deps.js';

type Ack = (response?: unknown) => Promise<void>;

/**
 * Refuses a Slack request already acted on: a captured `/mentions pause` sent again after someone ran
 * `resume` would otherwise pause acknowledgements a second time, unannounced (the channel notice is
 * keyed by the trigger id, so it is not repeated). Every command, button and submission carries a
 * trigger id that Slack never reuses, and its signature binds it to the body, so a second sight of
 * one is a replay (or a redelivery of something already handled). Runs before every handler.
 */
export function registerReplayGuard(app: App, deps: Pick<DeskDeps, 'db' | 'logger' | 'now'>): void {
  app.use(async (args) => {
    const body = args.body as { trigger_id?: unknown; command?: unknown; type?: unknown };
    if (typeof body.trigger_id !== 'string' || !body.trigger_id) return args.next();
    if (await rememberSlackRequest(deps.db, cleanText(body.trigger_id, 200), deps.now())) return args.next();
    const what = typeof body.command === 'string' ? body.command : String(body.type ?? 'request');
    deps.logger.warn(
      { what, triggerId: cleanText(body.trigger_id, 200) },
      'Slack request seen before (a replay?): refused',
    );
    const ack = (args as { ack?: Ack }).ack;
    if (!ack) return;
    await ack(
      typeof body.command === 'string'
        ? { response_type: 'ephemeral', text: 'This exact request was already handled, so it was not acted on again.' }
        : undefined,
    );
  });
}
