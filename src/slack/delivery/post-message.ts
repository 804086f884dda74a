import { SendError } from '../../core/channel-adapter.js';
import type { SlackMessage } from '../render/render-case-message.js';
import type { SlackSendDeps } from './slack-send-deps.js';
import { toSendError } from './to-send-error.js';

/** Where a message landed: Slack's channel id and message ts. */
export interface PostedMessage {
  channel: string;
  ts: string;
}

/** Posts a message (into a thread when `threadTs` is given), paced per channel. */
export async function postMessage(
  d: SlackSendDeps,
  channel: string,
  message: SlackMessage,
  threadTs?: string,
): Promise<PostedMessage> {
  await d.pacer.wait(channel);
  const res = await d.client.chat.postMessage({
    channel,
    text: message.text,
    blocks: message.blocks,
    ...(threadTs ? { thread_ts: threadTs } : {}),
    // Links in customer posts must not unfurl into the team channel; our own text carries no names to link.
    unfurl_links: false,
    unfurl_media: false,
  });
  return { channel: res.channel ?? channel, ts: res.ts! };
}

/**
 * Replaces a message posted earlier (the case's top message, an alert). chat.update has a limit of its
 * own (Tier 3, per method and workspace), not the channel's posting slot: updates are paced on their own
 * slot, and a 429 on one holds back only that update, never the posts.
 */
export async function updateMessage(
  d: SlackSendDeps,
  at: PostedMessage,
  message: SlackMessage,
): Promise<PostedMessage> {
  await d.pacer.wait(UPDATE_SLOT);
  try {
    const res = await d.client.chat.update({
      channel: at.channel,
      ts: at.ts,
      text: message.text,
      blocks: message.blocks,
    });
    return { channel: res.channel ?? at.channel, ts: res.ts ?? at.ts };
  } catch (error) {
    const e = toSendError(error);
    if (e.failure !== 'rate_limited') throw e;
    throw new SendError('rate_limited', e.message, true, e.retryAfterMs, error, 'route');
  }
}

/** The pacing slot chat.update calls share (one method tier for the workspace, whichever channel). */
const UPDATE_SLOT = 'chat.update';

/**
 * `<channel>/<ts>` (and `/<thread root>` for a message inside another's thread): what the outbox stores as externalId.
 */
export function toExternalId(posted: PostedMessage, threadRoot?: string): string {
  return threadRoot ? `${posted.channel}/${posted.ts}/${threadRoot}` : `${posted.channel}/${posted.ts}`;
}

/** The parts of an externalId written by toExternalId; null for anything else. */
export function parseExternalId(
  externalId: string | null | undefined,
): (PostedMessage & { threadRoot?: string }) | null {
  const [channel, ts, threadRoot] = (externalId ?? '').split('/');
  if (!channel || !ts) return null;
  return { channel, ts, ...(threadRoot ? { threadRoot } : {}) };
}
