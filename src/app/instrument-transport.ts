import { SendError } from '../core/channel-adapter.js';
import type { Metrics } from '../log/metrics.js';
import type { OutboxTransport } from '../outbox/outbox-transport.js';

/**
 * A transport that measures each send and, once shutdown has begun, starts no new one: the outbox
 * gets a "waiting" answer, which puts the message back in the queue without using up an attempt. A send
 * already under way is left to finish (or time out).
 */
export function instrumentTransport(
  channel: string,
  inner: OutboxTransport,
  options: { metrics?: Metrics; stopping?: () => boolean },
): OutboxTransport {
  const refuseWhenStopping = () => {
    if (options.stopping?.()) throw new SendError('waiting', 'shutting down: left queued for the next start', true, 0);
  };
  return {
    async send(row) {
      refuseWhenStopping();
      const end = options.metrics?.sendSeconds.startTimer({ channel });
      try {
        const result = await inner.send(row);
        end?.({ outcome: 'sent' });
        return result;
      } catch (error) {
        const failure = error instanceof SendError ? error.failure : 'error';
        end?.({ outcome: failure });
        if (failure === 'rate_limited' && options.metrics) {
          options.metrics.rateLimitWaits.inc({ channel });
          const waitMs = (error as SendError).retryAfterMs;
          if (waitMs) options.metrics.rateLimitWaitSeconds.inc({ channel }, waitMs / 1000);
        }
        throw error;
      }
    },
    findSent: inner.findSent
      ? async (row) => {
          refuseWhenStopping();
          return inner.findSent!(row);
        }
      : undefined,
  };
}
