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

  it('keeps sending together (togetherKey, sendTogether), counts a rate limit in its outcomes, starts none once stopping', async () => {
    let stop = false;
    const posts: number[][] = [];
    const inner: OutboxTransport = {
      send: async () => ({ externalId: 'e' }),
      togetherKey: (r) => (r.id < 10 ? 'cases' : undefined),
      sendTogether: async (rows, start) => {
        const go = await start(rows);
        posts.push(go.map((r) => r.id));
        return go.map((r) => ({ row: r, error: new SendError('rate_limited', 'Slack: 429', true, 3_000) }));
      },
    };
    const metrics = createMetrics();
    const wrapped = instrumentTransport('slack', inner, { metrics, stopping: () => stop });
    expect(wrapped.togetherKey?.(row(1))).toBe('cases');
    expect(wrapped.togetherKey?.(row(11))).toBeUndefined();
    const outcomes = await wrapped.sendTogether!([row(1), row(2)], async (rows) => rows);
    expect(outcomes.map((o) => o.row.id)).toEqual([1, 2]);
    expect(posts).toEqual([[1, 2]]);
    expect(await metrics.render()).toMatch(/mention_desk_rate_limit_waits_total\{channel="slack"\} 1/);
    stop = true;
    await expect(wrapped.sendTogether!([row(3)], async (rows) => rows)).rejects.toMatchObject({ failure: 'waiting' });
    expect(posts).toHaveLength(1);
  });
});
