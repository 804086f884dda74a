import type { Db } from '../store/create-db.js';
import { enqueueIntents } from '../store/enqueue-intents.js';

/** The silence alarm's setting: fixed minutes, learnt from the channel's usual rate, or off. */
export type SilenceSetting = number | 'learn' | 'off';

/** How far back the usual rate is learnt, and from how many of the newest mentions at most. */
const LEARN_WINDOW_MS = 7 * 86_400_000;
const LEARN_SAMPLE = 2_000;
/** Fewer mentions than this in the window: the rate is not known, so a learnt alarm stays quiet. */
export const MIN_LEARN_MENTIONS = 20;
/** "Far longer than usual": this many times the 95th percentile of the gaps between mentions... */
const USUAL_GAP_FACTOR = 4;
/** ...but never less: a busy channel may well be quiet for half an hour at night. */
export const MIN_LEARNT_MINUTES = 30;
/** And never more: a channel quiet for a week is worth a word whatever its history. */
const MAX_LEARNT_MINUTES = 7 * 1440;

const CHANNEL_NAMES: Record<string, string> = { x: 'X', discord: 'Discord', bluesky: 'Bluesky', mastodon: 'Mastodon' };
const channelName = (c: string) => CHANNEL_NAMES[c] ?? c;

/** What one check of one channel did. */
export type SilenceOutcome =
  | { channel: string; state: 'quiet-ok' | 'no-history' | 'off' }
  | { channel: string; state: 'warned' | 'recovered'; thresholdMinutes: number };

/** Minutes of silence after which the channel is "far too quiet", or null when it cannot be told. */
export async function silenceThresholdMinutes(
  db: Db,
  channel: string,
  setting: SilenceSetting,
  now: Date,
): Promise<number | null> {
  if (setting === 'off') return null;
  if (typeof setting === 'number') return setting;
  const recent = await db.mention.findMany({
    where: { channel, receivedAt: { gte: new Date(now.getTime() - LEARN_WINDOW_MS), lte: now } },
    orderBy: { receivedAt: 'desc' },
    take: LEARN_SAMPLE,
    select: { receivedAt: true },
  });
  if (recent.length < MIN_LEARN_MENTIONS) return null;
  const gaps = recent
    .slice(1)
    .map((m, i) => recent[i].receivedAt.getTime() - m.receivedAt.getTime())
    .sort((a, b) => a - b);
  const p95 = gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * 0.95))];
  const minutes = Math.ceil((p95 * USUAL_GAP_FACTOR) / 60_000);
  return Math.min(MAX_LEARNT_MINUTES, Math.max(MIN_LEARNT_MINUTES, minutes));
}

const WARNING_KEY = (channel: string) => `silence:${channel}:`;
const RECOVERY_KEY = (channel: string, lastMentionId: number) => `silence-back:${channel}:${lastMentionId}`;

const duration = (ms: number) => {
  const minutes = Math.round(ms / 60_000);
  return minutes < 120 ? `${minutes} minutes` : `${Math.round(minutes / 6) / 10} hours`;
};

/**
 * Checks one channel: a channel whose newest mention is older than its threshold gets ONE warning in the
 * team channel, and one recovery note once a mention arrives after it. Both go through the outbox keyed
 * by the last mention before the silence, so a second instance, a re-run or a restart queues neither
 * twice; a new silence (after a newer mention) is a new key.
 */
export async function checkSilence(
  db: Db,
  channel: string,
  setting: SilenceSetting,
  now: Date,
): Promise<SilenceOutcome> {
  if (setting === 'off') return { channel, state: 'off' };
  const newest = await db.mention.findFirst({
    where: { channel },
    orderBy: { receivedAt: 'desc' },
    select: { id: true, receivedAt: true },
  });
  if (!newest) return { channel, state: 'no-history' };
  const recovered = await noteRecovery(db, channel, newest, now);
  if (recovered !== null) return { channel, state: 'recovered', thresholdMinutes: recovered };
  const threshold = await silenceThresholdMinutes(db, channel, setting, now);
  if (threshold === null) return { channel, state: 'no-history' };
  const silentMs = now.getTime() - newest.receivedAt.getTime();
  if (silentMs <= threshold * 60_000) return { channel, state: 'quiet-ok' };
  const name = channelName(channel);
  const how = setting === 'learn' ? 'learnt from its usual rate' : 'SILENCE_ALERT_MINUTES';
  const detail =
    `no new ${name} mention for ${duration(silentMs)} (the last ` +
    `arrived ${newest.receivedAt.toISOString()}; the alarm is at ` +
    `${threshold} minutes, ${how}). A revoked token, a lost ` +
    `permission or a dead connection looks like this: check the ` +
    `bot's log and the ${name} app's settings.`;
  const queued = await enqueueIntents(
    db,
    [
      {
        idempotencyKey: `${WARNING_KEY(channel)}${newest.id}`,
        channel: 'slack',
        kind: 'slack_notice',
        purpose: 'notice',
        text: `silence: no new ${name} mention for ${duration(silentMs)}`,
        target: { notice: 'channel_silent', detail, thresholdMinutes: threshold },
      },
    ],
    now,
  );
  return queued ? { channel, state: 'warned', thresholdMinutes: threshold } : { channel, state: 'quiet-ok' };
}

/**
 * After a warning, the first check that sees a newer mention queues the recovery note (once). Returns
 * the warning's threshold when it queued one.
 */
async function noteRecovery(
  db: Db,
  channel: string,
  newest: { id: number; receivedAt: Date },
  now: Date,
): Promise<number | null> {
  const warning = await db.outboundMessage.findFirst({
    where: { idempotencyKey: { startsWith: WARNING_KEY(channel) } },
    orderBy: { id: 'desc' },
    select: { idempotencyKey: true, target: true },
  });
  if (!warning) return null;
  const lastBefore = Number(warning.idempotencyKey.slice(WARNING_KEY(channel).length));
  if (newest.id === lastBefore) return null; // still silent
  const before = await db.mention.findUnique({ where: { id: lastBefore }, select: { receivedAt: true } });
  const silentFor = before ? ` after ${duration(newest.receivedAt.getTime() - before.receivedAt.getTime())}` : '';
  const detail =
    `${channelName(channel)} mentions are arriving again: the first` +
    `${silentFor} of silence came in at ${newest.receivedAt.toISOString()}.`;
  const queued = await enqueueIntents(
    db,
    [
      {
        idempotencyKey: RECOVERY_KEY(channel, lastBefore),
        channel: 'slack',
        kind: 'slack_notice',
        purpose: 'notice',
        text: `silence over: ${channelName(channel)} mentions are back`,
        target: { notice: 'channel_back', detail },
      },
    ],
    now,
  );
  const threshold = Number((JSON.parse(warning.target) as { thresholdMinutes?: number }).thresholdMinutes ?? 0);
  return queued ? threshold : null;
}
