import { caseOutboxHooks } from '../../src/cases/record-message-outcome';
import type { SendResult } from '../../src/core/channel-adapter';
import type { OutboundRow } from '../../src/core/outbound';
import { silentLogger } from '../../src/log/create-logger';
import { OutboxSender } from '../../src/outbox/outbox-sender';
import type { OutboxTransport } from '../../src/outbox/outbox-transport';
import { enqueueIntents } from '../../src/store/enqueue-intents';
import { postgresSuite } from '../helpers/postgres-suite';

const pg = postgresSuite('the outbox on PostgreSQL (two senders)');

pg.describe('the outbox on PostgreSQL, shared by two senders', () => {
  it('sends every row exactly once when two instances drain at the same time (FOR UPDATE SKIP LOCKED)', async () => {
    const db = pg.db();
    const sends: string[] = [];
    const platform = (who: string): OutboxTransport => ({
      async send(row: OutboundRow): Promise<SendResult> {
        sends.push(row.idempotencyKey);
        await new Promise((r) => setTimeout(r, 2));
        return { externalId: `${who}-${row.id}` };
      },
      findSent: async () => null,
    });
    const intents = Array.from({ length: 60 }, (_, i) => ({
      idempotencyKey: `pg:${i}`,
      channel: i % 3 === 0 ? 'slack' : 'x',
      kind: 'slack_notice' as const,
      purpose: 'notice' as const,
      text: `notice ${i}`,
      target: {},
    }));
    await enqueueIntents(db, intents, new Date(Date.now() - 1_000));
    const sender = (who: string) =>
      new OutboxSender({
        ...caseOutboxHooks,
        db,
        transports: { x: platform(who), slack: platform(who) },
        logger: silentLogger(),
        senderId: who,
      });
    const [a, b] = await Promise.all([sender('a').drain(), sender('b').drain()]);
    expect(a.sent + b.sent).toBe(60);
    expect(a.sent).toBeGreaterThan(0);
    expect(b.sent).toBeGreaterThan(0);
    expect(new Set(sends).size).toBe(60);
    expect(sends).toHaveLength(60);
    const rows = await db.outboundMessage.findMany({ where: { idempotencyKey: { startsWith: 'pg:' } } });
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  }, 60_000);
});
