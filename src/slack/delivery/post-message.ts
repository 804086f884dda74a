import type { SlackMessage } from '../render/render-case-message.js';
import type { SlackSendDeps } from './slack-send-deps.js';

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

/** Replaces a message posted earlier (the case's top message, an alert), paced like a post. */
export async function updateMessage(
  d: SlackSendDeps,
  at: PostedMessage,
  message: SlackMessage,
): Promise<PostedMessage> {
  await d.pacer.wait(at.channel);
  const res = await d.client.chat.update({
    channel: at.channel,
    ts: at.ts,
    text: message.text,
    blocks: message.blocks,
  });
  return { channel: res.channel ?? at.channel, ts: res.ts ?? at.ts };
}

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
