import { caseOutboxHooks } from '../../src/cases/record-message-outcome';
import { SendError } from '../../src/core/channel-adapter';
import { silentLogger } from '../../src/log/create-logger';
import { OutboxSender } from '../../src/outbox/outbox-sender';
import type { Db } from '../../src/store/create-db';
import { enqueueIntents } from '../../src/store/enqueue-intents';
import { FakePlatform, rateLimited } from '../helpers/flaky-transport';
import { tempDb } from '../helpers/temp-db';

const intent = (key: string) => ({
  idempotencyKey: key,
  channel: 'slack',
  kind: 'slack_thread' as const,
  purpose: 'case_thread' as const,
  text: key,
  target: { caseId: 1 },
});

describe('OutboxSender: waiting is not failing', () => {
  let db: Db;
  let close: () => Promise<void>;
  let now: number;
  beforeEach(async () => {
    ({ db, close } = await tempDb());
    now = new Date('2026-11-18T10:00:00Z').getTime();
  });
  afterEach(() => close());
  const sender = (platform: FakePlatform) =>
    new OutboxSender({
      ...caseOutboxHooks,
      db,
      transports: { slack: platform },
      logger: silentLogger(),
      now: () => new Date(now),
      maxAttempts: 2,
    });
  const row = (key: string) => db.outboundMessage.findUniqueOrThrow({ where: { idempotencyKey: key } });

  it('a message waiting for another is retried as often as needed without using up its attempts', async () => {
    const waiting = () => new SendError('waiting', 'waiting for the top message of case 1', true, 0);
    const platform = new FakePlatform().next(waiting(), waiting(), waiting(), waiting(), waiting());
    await enqueueIntents(db, [intent('t')], new Date(now));
    for (let i = 0; i < 5; i++) expect((await sender(platform).drain()).retried).toBe(1);
    expect(await row('t')).toMatchObject({
      status: 'pending',
      attempts: 0,
      error: expect.stringContaining('waiting for the top message'),
    });
    expect((await sender(platform).drain()).sent).toBe(1);
    expect(await row('t')).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('rate limits never turn into a failure either, however many there are', async () => {
    const platform = new FakePlatform().next(rateLimited(1000), rateLimited(1000), rateLimited(1000));
    await enqueueIntents(db, [intent('r')], new Date(now));
    for (let i = 0; i < 3; i++) {
      await sender(platform).drain();
      now += 1001;
    }
    expect(await row('r')).toMatchObject({ status: 'pending', attempts: 0 });
    await sender(platform).drain();
    expect((await row('r')).status).toBe('sent');
  });

  it('real failures still count: a server error twice fails the message at maxAttempts', async () => {
    const platform = new FakePlatform().next(
      new SendError('server', '503', true),
      new SendError('server', '503', true),
    );
    platform.canFind = true;
    await enqueueIntents(db, [intent('s')], new Date(now));
    await sender(platform).drain();
    now += 10 * 60_000;
    await sender(platform).drain();
    expect(await row('s')).toMatchObject({ status: 'failed', attempts: 2 });
  });
});
