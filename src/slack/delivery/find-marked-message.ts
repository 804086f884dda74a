import crypto from 'node:crypto';
import type { SlackSendDeps } from './slack-send-deps.js';

/**
 * The block id that marks a message with the outbox key that posted it. Slack returns block ids in
 * conversations.history/replies, so after a crash between posting and recording, the outbox can ask
 * Slack whether the message is there instead of posting it twice.
 */
export function markerFor(idempotencyKey: string): string {
  return `md-${crypto.createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40)}`;
}

type Found = { ts: string } | null;
type Page = {
  messages?: Array<{ ts?: string; blocks?: Array<{ block_id?: string }> }>;
  has_more?: boolean;
  response_metadata?: { next_cursor?: string };
};

const MAX_PAGES = 10;

function search(page: Page, marker: string): Found {
  const hit = page.messages?.find((m) => m.blocks?.some((b) => b.block_id === marker));
  return hit?.ts ? { ts: hit.ts } : null;
}

/** The message carrying `marker` in `channel` since `since` (top-level messages), or null. */
export async function findMarkedInChannel(
  d: SlackSendDeps,
  channel: string,
  marker: string,
  since: Date,
): Promise<Found> {
  let cursor: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = (await d.client.conversations.history({
      channel,
      oldest: toSlackTs(since),
      limit: 200,
      ...(cursor ? { cursor } : {}),
    })) as Page;
    const found = search(page, marker);
    if (found) return found;
    cursor = page.response_metadata?.next_cursor;
    if (!page.has_more || !cursor) return null;
  }
  return null;
}

/** The reply carrying `marker` in the thread of `threadTs`, or null. */
export async function findMarkedInThread(
  d: SlackSendDeps,
  channel: string,
  threadTs: string,
  marker: string,
): Promise<Found> {
  let cursor: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = (await d.client.conversations.replies({
      channel,
      ts: threadTs,
      limit: 200,
      ...(cursor ? { cursor } : {}),
    })) as Page;
    const found = search(page, marker);
    if (found) return found;
    cursor = page.response_metadata?.next_cursor;
    if (!page.has_more || !cursor) return null;
  }
  return null;
}

/** A Date as Slack's `oldest` parameter (seconds with microseconds), a minute early to allow for clock skew. */
function toSlackTs(date: Date): string {
  return ((date.getTime() - 60_000) / 1000).toFixed(6);
}
