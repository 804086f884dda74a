import { SendError } from '../core/channel-adapter.js';
import type { OutboundRow } from '../core/outbound.js';
import type { Metrics } from '../log/metrics.js';
import type { OutboxTransport } from '../outbox/outbox-transport.js';

/**
 * A transport that measures each send and, once shutdown has begun, starts no new one: the outbox
 * gets a "waiting" answer, which puts the message back in the queue without using up an attempt. A send
 * already under way is left to finish (or time out).
 */
export function instrumentTransport(
  /** The channel label, or `row` for a transport serving several (a replay answers every channel). */
  label: string | 'row',
  inner: OutboxTransport,
  options: { metrics?: Metrics; stopping?: () => boolean },
): OutboxTransport {
  const refuseWhenStopping = () => {
    if (options.stopping?.()) throw new SendError('waiting', 'shutting down: left queued for the next start', true, 0);
  };
  const channelOf = (row: OutboundRow) => (label === 'row' ? row.channel : label);
  const countRateLimit = (channel: string, error: unknown) => {
    if (!(error instanceof SendError) || error.failure !== 'rate_limited' || !options.metrics) return;
    // Held back by the bot's own budget or bucket before the platform was asked: a pacing wait.
    if (error.pacing)
      return options.metrics.pacingWaitSeconds.observe(
        { channel, reason: error.pacing },
        (error.retryAfterMs ?? 0) / 1000,
      );
    options.metrics.rateLimitWaits.inc({ channel });
    if (error.retryAfterMs) options.metrics.rateLimitWaitSeconds.inc({ channel }, error.retryAfterMs / 1000);
  };
  // A platform read before a resend: none once shutdown has begun, and its rate limits counted.
  const check = async <T>(row: OutboundRow | undefined, read: () => Promise<T>): Promise<T> => {
    refuseWhenStopping();
    try {
      return await read();
    } catch (error) {
      if (row) countRateLimit(channelOf(row), error);
      throw error;
    }
  };
  // A send: none once shutdown has begun, timed, and its rate limits counted.
  const measured = async <T>(row: OutboundRow, send: () => Promise<T>): Promise<T> => {
    refuseWhenStopping();
    const channel = channelOf(row);
    const end = options.metrics?.sendSeconds.startTimer({ channel });
    try {
      const result = await send();
      end?.({ outcome: 'sent' });
      return result;
    } catch (error) {
      end?.({ outcome: error instanceof SendError ? error.failure : 'error' });
      countRateLimit(channel, error);
      throw error;
    }
  };
  return {
    recordInBatches: inner.recordInBatches,
    send: (row) => measured(row, () => inner.send(row)),
    // Rows posted as one message (Slack cases of a burst): dropping these here would post one per row again.
    togetherKey: inner.togetherKey && ((row) => inner.togetherKey!(row)),
    sendTogether:
      inner.sendTogether &&
      ((rows, start) =>
        measured(rows[0], async () => {
          const outcomes = await inner.sendTogether!(rows, start);
          const failed = outcomes.find((o) => 'error' in o);
          if (failed && 'error' in failed) countRateLimit(channelOf(failed.row), failed.error);
          return outcomes;
        })),
    // A check before a resend reads the platform too (Slack history, budgeted): its waits count as well.
    findSent: inner.findSent && ((row) => check(row, () => inner.findSent!(row))),
    // The one read per drain for every unconfirmed row of a channel (X's own timeline, Discord's channel
    // history): dropping it here would turn the live bot back into one platform read per row.
    findSentMany: inner.findSentMany && ((rows) => check(rows[0], () => inner.findSentMany!(rows))),
  };
}
