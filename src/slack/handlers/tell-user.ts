import type { webApi } from '@slack/bolt';
import { AppError, describeError } from '../../core/app-error.js';
import type { DeskDeps } from '../desk-deps.js';

/** Who acted, and where an answer only they can see should go. */
export interface Actor {
  userId: string;
  /** The conversation the click came from; absent for the App Home and modals opened from it. */
  channel?: string;
  threadTs?: string;
}

/** The actor of a block action (a button on a message or in the App Home). */
export function actorOf(body: {
  user: { id: string };
  channel?: { id: string };
  // biome-ignore lint/suspicious/noExplicitAny: Bolt types the container loosely.
  container?: Record<string, any>;
  message?: { ts?: string; thread_ts?: string };
}): Actor {
  const threadTs = body.container?.thread_ts ?? body.message?.thread_ts;
  return { userId: body.user.id, channel: body.channel?.id, ...(threadTs ? { threadTs } : {}) };
}

/**
 * Tells one person something only they see: an ephemeral message where they clicked, or a direct
 * message from the app when there is no conversation (App Home). `text` is our own mrkdwn.
 */
export async function tellUser(client: webApi.WebClient, actor: Actor, text: string): Promise<void> {
  if (actor.channel) {
    await client.chat.postEphemeral({
      channel: actor.channel,
      user: actor.userId,
      text,
      ...(actor.threadTs ? { thread_ts: actor.threadTs } : {}),
    });
  } else {
    await client.chat.postMessage({ channel: actor.userId, text });
  }
}

/** The refusal for someone outside the team: nothing was changed. */
export function refusalText(deps: Pick<DeskDeps, 'config'>): string {
  const team = deps.config.teamUsergroup ? "the support team's user group" : `<#${deps.config.channelId}>`;
  return `:no_entry: Only members of ${team} can act on customer cases. Nothing was changed.`;
}

/** The same refusal as plain text, for a modal's error line (which shows no links or mentions). */
export function refusalPlain(): string {
  return 'Only members of the support team can act on customer cases. Nothing was changed.';
}

/** True for a team member; otherwise tells the person they may not act, and returns false. */
export async function requireMember(deps: DeskDeps, client: webApi.WebClient, actor: Actor): Promise<boolean> {
  if (await deps.isMember(actor.userId)) return true;
  deps.logger.warn({ user: actor.userId }, 'refused a Slack action from someone outside the team');
  await tellUser(client, actor, refusalText(deps));
  return false;
}

/**
 * Runs one handler's work after its ack(), in its own try/catch: a failure is logged with detail and
 * the person sees only a human message, never internals.
 */
export async function runSafely(
  deps: DeskDeps,
  client: webApi.WebClient,
  actor: Actor,
  what: string,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    deps.logger.error({ user: actor.userId, what, error: describeError(error) }, 'Slack action failed');
    const human =
      error instanceof AppError ? error.humanMessage : 'Something went wrong; the error is logged. Please try again.';
    await tellUser(client, actor, `:warning: ${human}`).catch((e) =>
      deps.logger.warn({ error: describeError(e) }, 'could not tell the user about a failure'),
    );
  }
}
