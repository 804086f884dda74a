import type { App } from '@slack/bolt';
import { cleanText } from '../../core/clean-text.js';
import { rememberSlackRequest } from '../../store/remember-slack-request.js';
import type { DeskDeps } from '../desk-deps.js';

type Ack = (response?: unknown) => Promise<void>;

/** What a request body may carry that names it once and for all. */
interface RequestIds {
  trigger_id?: unknown;
  event_id?: unknown;
  type?: unknown;
  command?: unknown;
  user?: { id?: unknown };
  actions?: Array<{ action_id?: unknown; action_ts?: unknown }>;
}

const KEY_MAX = 200;
const text = (v: unknown) => (typeof v === 'string' && v ? cleanText(v, KEY_MAX) : undefined);

/**
 * The key a Slack request is remembered by, or undefined when it carries nothing unique.
 * - Commands, buttons and submissions: the trigger id, which Slack never reuses.
 * - Events API deliveries (HTTP and Socket Mode): the `event_id`; Slack's retries (X-Slack-Retry-Num,
 *   Socket Mode `retry_attempt`) carry the same one, re-signed with a fresh timestamp, so the signature
 *   check alone lets them through.
 * - A block action without a trigger id: who clicked, which action, and the click's `action_ts`.
 * Prefixes keep the three kinds apart in one table.
 */
export function slackRequestKey(body: RequestIds): string | undefined {
  const trigger = text(body.trigger_id);
  if (trigger) return trigger;
  const event = text(body.event_id);
  if (event) return `event:${event}`;
  const action = body.type === 'block_actions' && Array.isArray(body.actions) ? body.actions[0] : undefined;
  const user = text(body.user?.id);
  const actionTs = text(action?.action_ts);
  if (user && actionTs) return cleanText(`action:${user}:${String(action?.action_id ?? '')}:${actionTs}`, KEY_MAX);
  return undefined;
}

/**
 * Refuses a Slack request already acted on: a captured `/mentions pause` sent again after someone ran
 * `resume` would otherwise pause acknowledgements a second time, unannounced (the channel notice is
 * keyed by the trigger id, so it is not repeated); an event Slack redelivers would be handled twice.
 * The key (see slackRequestKey) is bound to the body by the signature, so a second sight of one is a
 * replay or a redelivery of something already handled. It is kept in the database, so a restart or a
 * second instance agrees. Runs before every handler.
 */
export function registerReplayGuard(app: App, deps: Pick<DeskDeps, 'db' | 'logger' | 'now'>): void {
  app.use(async (args) => {
    const body = args.body as RequestIds;
    const key = slackRequestKey(body);
    if (!key) return args.next();
    if (await rememberSlackRequest(deps.db, key, deps.now())) return args.next();
    const what = typeof body.command === 'string' ? body.command : String(body.type ?? 'request');
    deps.logger.warn({ what, requestKey: key }, 'Slack request seen before (a replay or a retry): not acted on again');
    // Bolt acknowledged an event before the middleware ran; everything else still waits for one.
    const ack = (args as { ack?: Ack }).ack;
    if (!ack) return;
    await ack(
      typeof body.command === 'string'
        ? { response_type: 'ephemeral', text: 'This exact request was already handled, so it was not acted on again.' }
        : undefined,
    );
  });
}
