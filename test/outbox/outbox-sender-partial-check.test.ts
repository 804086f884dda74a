import { caseOutboxHooks } from '../../src/cases/record-message-outcome';
import type { SendResult } from '../../src/core/channel-adapter';
import type { OutboundRow } from '../../src/core/outbound';
import { silentLogger } from '../../src/log/create-logger';
import { OutboxSender } from '../../src/outbox/outbox-sender';
import type { Db } from '../../src/store/create-db';
import { enqueueIntents } from '../../src/store/enqueue-intents';
import { FakePlatform } from '../helpers/flaky-transport';
import { tempDb } from '../helpers/temp-db';

const intent = (key: string) => ({
  idempotencyKey: key,
  channel: 'discord',
  kind: 'public_reply' as const,
  purpose: 'acknowledgement' as const,
  text: `text of ${key}`,
  target: { inReplyTo: { id: key, authorId: 'a' } },
});

/** A check that can read some places but not others this time (Discord: one channel's route limited). */
class PartlyReadablePlatform extends FakePlatform {
  unreadable = new Set<string>();
  findSentMany = async (rows: OutboundRow[]): Promise<Array<SendResult | null | undefined>> =>
    rows.map((r) => {
      if (this.unreadable.has(r.idempotencyKey)) return undefined;
      const i = this.accepted.findIndex((a) => a.idempotencyKey === r.idempotencyKey);
      return i >= 0 ? { externalId: `ext-${i + 1}` } : null;
    });
}

describe('OutboxSender: a check that answers only some rows', () => {
  let db: Db;
  let close: () => Promise<void>;
  let now: number;
  beforeEach(async () => {
    ({ db, close } = await tempDb());
    now = new Date('2026-11-18T10:00:00Z').getTime();
  });
  afterEach(() => close());
  const drain = (platform: PartlyReadablePlatform) =>
    new OutboxSender({
      ...caseOutboxHooks,
      db,
      transports: { discord: platform },
      logger: silentLogger(),
      now: () => new Date(now),
    }).drain();
  const row = (key: string) => db.outboundMessage.findUniqueOrThrow({ where: { idempotencyKey: key } });

  it('settles the rows it could check and keeps the others unconfirmed, never sending them blind', async () => {
    // a and c: posted, answer lost (c's place cannot be read now); b: never posted.
    await enqueueIntents(db, [intent('a'), intent('c')], new Date(now));
    const p = new PartlyReadablePlatform().next('ok', 'ok');
    // Both went out, as the platform saw it; the database did not hear of it.
    await drain(p);
    await db.outboundMessage.updateMany({
      data: { status: 'pending', externalId: null, error: 'unconfirmed: the process stopped while sending' },
    });
    await enqueueIntents(db, [intent('b')], new Date(now));
    await db.outboundMessage.update({
      where: { idempotencyKey: 'b' },
      data: { error: 'unconfirmed: 503 Service Unavailable' },
    });
    p.unreadable.add('c');
    now += 60_000;
    const result = await drain(p);
    expect(await row('a')).toMatchObject({ status: 'sent', externalId: 'ext-1' });
    expect(await row('b')).toMatchObject({ status: 'sent' }); // checked: certainly not out, so sent now
    expect(await row('c')).toMatchObject({ status: 'pending', error: expect.stringMatching(/^unconfirmed: /) });
    expect(p.calls.filter((c) => c === 'send:c')).toHaveLength(1); // only its first send
    expect(result.retried).toBeGreaterThanOrEqual(1);
    p.unreadable.clear();
    now += 60_000;
    await drain(p);
    expect(await row('c')).toMatchObject({ status: 'sent', externalId: 'ext-2' });
    expect(p.calls.filter((c) => c === 'send:c')).toHaveLength(1);
  });
});
