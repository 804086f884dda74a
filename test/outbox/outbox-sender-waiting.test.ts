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

  it('a long paced drain lets in rows of other channels that became due meanwhile, and a channel whose pause ended', async () => {
    // Slack paced at a post a second: 20 case lines take 20 s of one drain.
    const slack = new FakePlatform();
    const paced = {
      send: async (r: Parameters<FakePlatform['send']>[0]) => {
        now += 1_000;
        // 5 s into the drain a new acknowledgement is queued, due at once.
        if (r.idempotencyKey === 's4') await enqueueIntents(db, [{ ...intent('x-new'), channel: 'x' }], new Date(now));
        return slack.send(r);
      },
    };
    const x = new FakePlatform().next(rateLimited(3_000));
    await enqueueIntents(
      db,
      Array.from({ length: 20 }, (_, i) => intent(`s${i}`)),
      new Date(now),
    );
    await enqueueIntents(db, [{ ...intent('x-paused'), channel: 'x' }], new Date(now));
    const order: string[] = [];
    const s = new OutboxSender({
      ...caseOutboxHooks,
      db,
      transports: {
        slack: { send: async (r) => (order.push(r.idempotencyKey), paced.send(r)), findSent: slack.findSent },
        x: { send: async (r) => (order.push(r.idempotencyKey), x.send(r)), findSent: x.findSent },
      },
      logger: silentLogger(),
      now: () => new Date(now),
    });
    await s.drain();
    const at = (key: string) => order.indexOf(key);
    // Both X rows went out within the same drain, long before the last Slack line, not after it.
    expect(order.filter((k) => k.startsWith('x-'))).toEqual(['x-paused', 'x-paused', 'x-new']);
    expect(at('x-new')).toBeLessThan(at('s15'));
    expect(order.lastIndexOf('x-paused')).toBeLessThan(at('s15'));
    expect((await row('x-paused')).status).toBe('sent');
    expect((await row('x-new')).status).toBe('sent');
  });
});
