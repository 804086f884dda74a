import crypto from 'node:crypto';
import { SendError } from '../../core/channel-adapter.js';
import { parseJson } from '../../store/db-types.js';
import { readSetting, writeSetting } from '../../store/runtime-settings.js';
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
  messages?: Array<{ ts?: string; thread_ts?: string; blocks?: Array<{ block_id?: string }> }>;
  has_more?: boolean;
  response_metadata?: { next_cursor?: string };
};

/** Pages one search reads at most: it starts at the row's queue time, so few are ever needed. */
const MAX_PAGES = 3;
/** Messages per page: Slack's documented maximum for conversations.history/replies (it recommends 200, but
 * a read costs one of Tier 3's ~50 a minute however many messages it returns). */
const PAGE_SIZE = 1_000;

// How far a bounded search got without finding its marker (marker -> ts of the last message read): the
// next check starts there, so a thread that grew by thousands since the row was queued is read to its
// end over a few checks instead of failing at the same page bound forever. Kept per process: after a
// restart the search starts again at the queue time, which is only slower.
const searchedUpTo = new Map<string, string>();
const MAX_REMEMBERED = 10_000;
function remember(marker: string, ts: string | undefined): void {
  if (!ts) return;
  if (searchedUpTo.size >= MAX_REMEMBERED) searchedUpTo.delete(searchedUpTo.keys().next().value as string);
  searchedUpTo.set(marker, ts);
}

// The history reads of the last minute, stored: Slack's Tier 3 allows about 50 a minute for
// conversations.history and conversations.replies together, per app and workspace. Kept in the database,
// not in memory, so a bot restarted every few seconds (or a second instance) does not start each life with
// a fresh budget.
const READS_KEY = 'slack_history_reads';

// Reads of the stored budget and the write of the new read are one step per process: two checks at once
// would each see the same free budget and both spend it (the budget is a read-modify-write of one row).
let spending: Promise<unknown> = Promise.resolve();

/** Counts one history read, or refuses it (rate_limited, so the row waits) when the minute's budget is spent. */
function spendRead(d: SlackSendDeps): Promise<void> {
  const turn = spending.then(() => spendReadNow(d));
  spending = turn.catch(() => undefined);
  return turn;
}

async function spendReadNow(d: SlackSendDeps): Promise<void> {
  const perMinute = d.config.historyReadsPerMinute ?? 40;
  const now = d.now().getTime();
  const stored = parseJson<unknown>((await readSetting(d.db, READS_KEY)) ?? '[]', []);
  const reads = (Array.isArray(stored) ? stored : []).filter(
    (t): t is number => typeof t === 'number' && t > now - 60_000 && t <= now + 60_000,
  );
  if (reads.length >= perMinute) {
    const waitMs = Math.max(1_000, Math.min(...reads) + 60_000 - now);
    throw new SendError(
      'rate_limited',
      `Slack history read budget (${perMinute}/min) used up`,
      true,
      waitMs,
      undefined,
      'channel',
      'slack_history_budget',
    );
  }
  await writeSetting(d.db, READS_KEY, JSON.stringify([...reads, now]));
}

/** What a search of several markers at once learnt of each: its message, null (read to the end: not there),
 * or undefined (not read that far yet: unknown). */
export type MarkerAnswers = Map<string, Found | undefined>;

// Records every marker of `wanted` a page carries.
function searchPage(page: Page, wanted: Set<string>, found: Map<string, Found>): void {
  for (const m of page.messages ?? []) {
    if (!m.ts) continue;
    for (const b of m.blocks ?? []) if (b.block_id && wanted.has(b.block_id)) found.set(b.block_id, { ts: m.ts });
  }
}

function answersFor(markers: string[], found: Map<string, Found>, readToEnd: boolean): MarkerAnswers {
  return new Map(markers.map((m) => [m, found.get(m) ?? (readToEnd ? null : undefined)]));
}

/**
 * The top-level messages of `channel` carrying each of `markers`, since `since`: one read for all of them
 * (a crash after cases went out together leaves several unconfirmed, each found by its own marker).
 */
export async function findMarkersInChannel(
  d: SlackSendDeps,
  channel: string,
  markers: string[],
  since: Date,
): Promise<MarkerAnswers> {
  const wanted = new Set(markers);
  const found = new Map<string, Found>();
  let cursor: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    await spendRead(d);
    const page = (await d.client.conversations.history({
      channel,
      oldest: toSlackTs(since),
      limit: PAGE_SIZE,
      ...(cursor ? { cursor } : {}),
    })) as Page;
    searchPage(page, wanted, found);
    if (found.size === wanted.size) return answersFor(markers, found, true);
    cursor = page.response_metadata?.next_cursor;
    if (!page.has_more || !cursor) return answersFor(markers, found, true);
  }
  return answersFor(markers, found, false);
}

/** The message carrying `marker` in `channel` since `since` (top-level messages), or null. */
export async function findMarkedInChannel(
  d: SlackSendDeps,
  channel: string,
  marker: string,
  since: Date,
): Promise<Found> {
  const answer = (await findMarkersInChannel(d, channel, [marker], since)).get(marker);
  // Not read to the row's queue time: unknown, so the row waits rather than posting twice.
  if (answer === undefined)
    throw new SendError(
      'server',
      `marker not found within ${MAX_PAGES} pages of the channel; checked again later`,
      true,
    );
  return answer;
}

/**
 * The replies carrying each of `markers` in the thread of `threadTs` posted since `since` (the rows' queue
 * time): one read for all. Only replies from then on are read, so a thread of thousands costs a page or two;
 * a search that stops at its page bound is picked up where it stopped by the next one.
 */
export async function findMarkersInThread(
  d: SlackSendDeps,
  channel: string,
  threadTs: string,
  markers: string[],
  since: Date,
): Promise<MarkerAnswers> {
  const wanted = new Set(markers);
  const found = new Map<string, Found>();
  let cursor: string | undefined;
  const starts = markers.map((m) => searchedUpTo.get(m) ?? toSlackTs(since));
  const oldest = starts.reduce((a, b) => (Number(b) < Number(a) ? b : a));
  for (let i = 0; i < MAX_PAGES; i++) {
    await spendRead(d);
    const page = (await d.client.conversations.replies({
      channel,
      ts: threadTs,
      oldest,
      limit: PAGE_SIZE,
      ...(cursor ? { cursor } : {}),
    })) as Page;
    searchPage(page, wanted, found);
    cursor = page.response_metadata?.next_cursor;
    if (found.size === wanted.size || !page.has_more || !cursor) {
      for (const m of markers) searchedUpTo.delete(m);
      return answersFor(markers, found, true);
    }
    // Replies come oldest first: the last one read is where the next check may start.
    const last = page.messages?.filter((m) => m.ts !== threadTs).at(-1)?.ts;
    for (const m of markers) if (!found.has(m)) remember(m, last);
  }
  return answersFor(markers, found, false);
}

/**
 * The reply carrying `marker` in the thread of `threadTs` posted since `since` (the row's queue time),
 * or null. Only replies from then on are read, so a thread of thousands costs a page or two.
 */
export async function findMarkedInThread(
  d: SlackSendDeps,
  channel: string,
  threadTs: string,
  marker: string,
  since: Date,
): Promise<Found> {
  const answer = (await findMarkersInThread(d, channel, threadTs, [marker], since)).get(marker);
  if (answer === undefined)
    throw new SendError(
      'server',
      `marker not found within ${MAX_PAGES} pages of the thread yet; the next check reads on`,
      true,
    );
  return answer;
}

/** A Date as Slack's `oldest` parameter (seconds with microseconds), a minute early to allow for clock skew. */
function toSlackTs(date: Date): string {
  return ((date.getTime() - 60_000) / 1000).toFixed(6);
}
