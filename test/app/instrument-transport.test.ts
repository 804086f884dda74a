import { instrumentTransport } from '../../src/app/instrument-transport';
import { SendError } from '../../src/core/channel-adapter';
import type { OutboundRow } from '../../src/core/outbound';
import { createMetrics } from '../../src/log/metrics';
import type { OutboxTransport } from '../../src/outbox/outbox-transport';

const row = (id: number) => ({ id, channel: 'x', idempotencyKey: `ack:x:${id}` }) as unknown as OutboundRow;

describe('instrumentTransport', () => {
  it('keeps the one check per drain (findSentMany) of the transport it wraps, and counts its rate limits', async () => {
    const asked: number[][] = [];
    let limited = false;
    const inner: OutboxTransport = {
      send: async () => ({ externalId: 'e' }),
      findSent: async () => null,
      findSentMany: async (rows) => {
        asked.push(rows.map((r) => r.id));
        if (limited) throw new SendError('rate_limited', 'X: 429', true, 15_000);
        return rows.map((r) => (r.id === 2 ? { externalId: 'found' } : null));
      },
    };
    const metrics = createMetrics();
    const wrapped = instrumentTransport('x', inner, { metrics });
    expect(wrapped.findSentMany).toBeDefined();
    expect(await wrapped.findSentMany!([row(1), row(2)])).toEqual([null, { externalId: 'found' }]);
    expect(asked).toEqual([[1, 2]]);
    limited = true;
    await expect(wrapped.findSentMany!([row(3)])).rejects.toThrow('429');
    const text = await metrics.render();
    expect(text).toMatch(/mention_desk_rate_limit_waits_total\{channel="x"\} 1/);
  });

  it('has no findSentMany when the transport has none, and checks nothing once shutdown has begun', async () => {
    const plain = instrumentTransport('x', { send: async () => ({ externalId: 'e' }) }, {});
    expect(plain.findSentMany).toBeUndefined();
    let reads = 0;
    const stopping = instrumentTransport(
      'x',
      { send: async () => ({ externalId: 'e' }), findSentMany: async (rows) => rows.map(() => (reads++, null)) },
      { stopping: () => true },
    );
    await expect(stopping.findSentMany!([row(1)])).rejects.toMatchObject({ failure: 'waiting' });
    expect(reads).toBe(0);
  });
});
