import { loadRecentReplyHashes } from '../../src/store/recent-reply-hashes';
import { tempDb } from '../helpers/temp-db';

describe('loadRecentReplyHashes', () => {
  it('returns the newest public replies since the cut-off, at most `max`, oldest first', async () => {
    const { db, close } = await tempDb();
    try {
      const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 10, minute));
      const row = (n: number, kind: string, minute: number) => ({
        idempotencyKey: `k${n}`,
        channel: kind === 'public_reply' ? 'x' : 'slack',
        kind,
        target: '{}',
        text: `text ${n}`,
        textHash: kind === 'public_reply' ? `h${n}` : '',
        createdAt: at(minute),
      });
      await db.outboundMessage.createMany({
        data: [
          row(1, 'public_reply', 1), // before the cut-off
          row(2, 'public_reply', 12),
          row(3, 'slack_case', 13),
          row(4, 'public_reply', 14),
          row(5, 'public_reply', 15),
          row(6, 'public_reply', 16),
        ],
      });
      const got = await loadRecentReplyHashes(db, at(10), 3);
      expect(got).toEqual([
        { hash: 'h4', at: at(14).getTime() },
        { hash: 'h5', at: at(15).getTime() },
        { hash: 'h6', at: at(16).getTime() },
      ]);
      expect((await loadRecentReplyHashes(db, at(10), 100)).map((r) => r.hash)).toEqual(['h2', 'h4', 'h5', 'h6']);
    } finally {
      await close();
    }
  });

  it('pages through many rows sharing a creation time without losing or repeating one', async () => {
    const { db, close } = await tempDb();
    try {
      const base = Date.UTC(2026, 10, 20, 10);
      // 12,000 replies, a thousand at each second: pages of the loader end in the middle of a second.
      await db.outboundMessage.createMany({
        data: Array.from({ length: 12_000 }, (_, i) => ({
          idempotencyKey: `k${i}`,
          channel: 'x',
          kind: 'public_reply',
          target: '{}',
          text: `t${i}`,
          textHash: `h${i}`,
          createdAt: new Date(base + Math.floor(i / 1000) * 1000),
        })),
      });
      const got = await loadRecentReplyHashes(db, new Date(base), 11_000);
      expect(got).toHaveLength(11_000);
      expect(new Set(got.map((r) => r.hash)).size).toBe(11_000);
      expect(got[0]).toEqual({ hash: 'h1000', at: base + 1000 });
      expect(got[got.length - 1]).toEqual({ hash: 'h11999', at: base + 11_000 });
      expect(got.every((r, i) => i === 0 || r.at >= got[i - 1].at)).toBe(true);
    } finally {
      await close();
    }
  });
});
