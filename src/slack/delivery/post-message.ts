import crypto from 'node:crypto';
import { SendError } from '../../core/channel-adapter.js';
import type { SlackMessage } from '../render/render-case-message.js';
import type { SlackSendDeps } from './slack-send-deps.js';
import { toSendError } from './to-send-error.js';

/** Where a message landed: Slack's channel id and message ts. */
export interface PostedMessage {
  channel: string;
  ts: string;
}

/**
 * A message, or how to render it: rendered once the pacing slot is granted, so what goes out is the
 * database's state at that moment, not a second earlier (a case rendered before its acknowledgement was
 * recorded needs an update right after).
 */
export type MessageSource = SlackMessage | (() => Promise<SlackMessage>);

const render = (source: MessageSource) => (typeof source === 'function' ? source() : Promise.resolve(source));

/** Posts a message (into a thread when `threadTs` is given), paced per channel. */
export async function postMessage(
  d: SlackSendDeps,
  channel: string,
  source: MessageSource,
  threadTs?: string,
): Promise<PostedMessage> {
  await d.pacer.wait(channel);
  const message = await render(source);
  const res = await d.client.chat.postMessage({
    channel,
    text: message.text,
    blocks: message.blocks,
    ...(threadTs ? { thread_ts: threadTs } : {}),
    // Links in customer posts must not unfurl into the team channel; our own text carries no names to link.
    unfurl_links: false,
    unfurl_media: false,
  });
  const posted = { channel: res.channel ?? channel, ts: res.ts! };
  rememberShown(posted, message);
  return posted;
}

/**
 * Replaces a message posted earlier (the case's top message, an alert). chat.update has a limit of its
 * own (Tier 3, per method and workspace), not the channel's posting slot: updates are paced on their own
 * slot, and a 429 on one holds back only that update, never the posts.
 */
export async function updateMessage(
  d: SlackSendDeps,
  at: PostedMessage,
  source: MessageSource,
): Promise<PostedMessage> {
  // Rendered before the wait too: an update that would show what the message shows needs no slot at all.
  if (isShown(at, await render(source))) return at;
  await d.pacer.wait(UPDATE_SLOT);
  const message = await render(source);
  if (isShown(at, message)) return at;
  try {
    const res = await d.client.chat.update({
      channel: at.channel,
      ts: at.ts,
      text: message.text,
      blocks: message.blocks,
    });
    rememberShown(at, message);
    return { channel: res.channel ?? at.channel, ts: res.ts ?? at.ts };
  } catch (error) {
    const e = toSendError(error);
    if (e.failure !== 'rate_limited') throw e;
    throw new SendError('rate_limited', e.message, true, e.retryAfterMs, error, 'route');
  }
}

/** The pacing slot chat.update calls share (one method tier for the workspace, whichever channel). */
const UPDATE_SLOT = 'chat.update';

// What this process last put on each message (a hash of its text and blocks): an update that would show the
// same is not sent (a case posted after its acknowledgement was recorded already shows it; several changes
// to one message coalesce). Only the bot edits its messages, so the hash stays true until it changes them;
// per process and bounded, so after a restart the first update of a message goes out again.
const shown = new Map<string, string>();
const MAX_SHOWN = 5_000;

function shownKey(at: PostedMessage): string {
  return `${at.channel}/${at.ts}`;
}

function hashOf(message: SlackMessage): string {
  return crypto
    .createHash('sha256')
    .update(JSON.stringify([message.text, message.blocks]))
    .digest('base64');
}

function rememberShown(at: PostedMessage, message: SlackMessage): void {
  const key = shownKey(at);
  shown.delete(key);
  if (shown.size >= MAX_SHOWN) shown.delete(shown.keys().next().value as string);
  shown.set(key, hashOf(message));
}

function isShown(at: PostedMessage, message: SlackMessage): boolean {
  return shown.get(shownKey(at)) === hashOf(message);
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
