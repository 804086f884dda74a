import { caseOutboxHooks } from '../../src/cases/record-message-outcome';
import { SendError } from '../../src/core/channel-adapter';
import { silentLogger } from '../../src/log/create-logger';
import { OutboxSender } from '../../src/outbox/outbox-sender';
import type { Db } from '../../src/store/create-db';
import { enqueueIntents } from '../../src/store/enqueue-intents';
import { authError, FakePlatform, rateLimited, serverError } from '../helpers/flaky-transport';
import { tempDb } from '../helpers/temp-db';

const reply = (key: string, caseId?: number) => ({
  idempotencyKey: key,
  channel: 'x',
  kind: 'public_reply' as const,
  purpose: 'acknowledgement' as const,
  text: `text of ${key}`,
  caseId,
  target: { inReplyTo: { id: '1', authorId: 'a' } },
});

describe('OutboxSender', () => {
  let db: Db;
  let close: () => Promise<void>;
  let now: Date;
  beforeEach(async () => {
    ({ db, close } = await tempDb());
    now = new Date('2026-11-18T10:00:00Z');
  });
  afterEach(() => close());
  const sender = (platform: FakePlatform, maxAttempts = 8) =>
    new OutboxSender({
      ...caseOutboxHooks,
      db,
      transports: { x: platform },
      logger: silentLogger(),
      now: () => now,
      maxAttempts,
    });
  const status = async (key: string) =>
    (await db.outboundMessage.findUniqueOrThrow({ where: { idempotencyKey: key } })).status;

  it('sends each intent once and records the platform id; enqueueing the same key again is a no-op', async () => {
    const platform = new FakePlatform();
    await enqueueIntents(db, [reply('a'), reply('b')], now);
    expect(await enqueueIntents(db, [reply('a')], now)).toBe(0);
    expect(await sender(platform).drain()).toEqual({ sent: 2, retried: 0, failed: 0, held: 0 });
    expect(await sender(platform).drain()).toEqual({ sent: 0, retried: 0, failed: 0, held: 0 });
    expect(platform.accepted.map((r) => r.idempotencyKey)).toEqual(['a', 'b']);
    expect((await db.outboundMessage.findUniqueOrThrow({ where: { idempotencyKey: 'a' } })).externalId).toBe('ext-1');
  });

  it('a crash after the platform accepted but before the record does not send twice', async () => {
    const platform = new FakePlatform().next('hang-after-accept');
    await enqueueIntents(db, [reply('crash')], now);
    void sender(platform).drain(); // this process "dies" while waiting for the platform's answer
    await new Promise((r) => setTimeout(r, 50));
    expect(await status('crash')).toBe('sending');

    now = new Date(now.getTime() + 10 * 60_000); // restart later
    const restarted = sender(platform);
    expect(await restarted.recoverInterrupted()).toBe(1);
    expect(await restarted.drain()).toMatchObject({ sent: 1 });
    expect(platform.accepted).toHaveLength(1);
    expect(platform.calls).toEqual(['send:crash', 'find:crash']);
    expect(await status('crash')).toBe('sent');
  });

  it('a crash before the platform accepted sends once after the restart', async () => {
    const platform = new FakePlatform().next('hang-before-accept');
    await enqueueIntents(db, [reply('early')], now);
    void sender(platform).drain();
    await new Promise((r) => setTimeout(r, 50));
    now = new Date(now.getTime() + 10 * 60_000);
    const restarted = sender(platform);
    await restarted.recoverInterrupted();
    await restarted.drain();
    expect(platform.accepted.map((r) => r.idempotencyKey)).toEqual(['early']);
    expect(platform.calls).toEqual(['send:early', 'find:early', 'send:early']);
  });

  it('holds for a person, rather than resends, when the platform cannot be asked', async () => {
    const platform = new FakePlatform().next(serverError());
    platform.canFind = false;
    await enqueueIntents(db, [reply('unsure')], now);
    expect(await sender(platform).drain()).toMatchObject({ retried: 1 });
    now = new Date(now.getTime() + 60 * 60_000);
    expect(await sender(platform).drain()).toMatchObject({ held: 1 });
    expect(platform.calls).toEqual(['send:unsure']);
    const row = await db.outboundMessage.findUniqueOrThrow({ where: { idempotencyKey: 'unsure' } });
    expect(row.status).toBe('held');
    expect(row.error).toMatch(/unknown whether sent/);
  });

  it('honours a 429 retry-after: nothing more to that channel until then, across restarts, nothing lost', async () => {
    const platform = new FakePlatform().next(rateLimited(60_000));
    await enqueueIntents(db, [reply('r1'), reply('r2')], now);
    expect(await sender(platform).drain()).toEqual({ sent: 0, retried: 1, failed: 0, held: 0 });
    expect(platform.calls).toEqual(['send:r1']); // r2 waits: the channel is paused
    const row = await db.outboundMessage.findUniqueOrThrow({ where: { idempotencyKey: 'r1' } });
    expect(row.notBefore.getTime()).toBe(now.getTime() + 60_000);
    // The pause is in the database too: a restarted sender, which never saw the 429, does not spend a
    // request to learn it again.
    const waiting = await db.outboundMessage.findUniqueOrThrow({ where: { idempotencyKey: 'r2' } });
    expect(waiting.notBefore.getTime()).toBe(now.getTime() + 60_000);
    now = new Date(now.getTime() + 30_000);
    const s = sender(platform);
    expect((await s.drain()).sent).toBe(0);
    expect(platform.calls).toEqual(['send:r1']);
    now = new Date(now.getTime() + 31_000);
    expect((await s.drain()).sent).toBe(2);
    expect(platform.accepted.map((r) => r.idempotencyKey).sort()).toEqual(['r1', 'r2']);
  });

  it('holds a message refused for credentials for a person (kept, not lost), and fails one the platform rejects', async () => {
    const c = await db.case.create({
      data: { customer: { create: { displayName: 'A' } }, channel: 'x', topic: 'other', severity: 'none', score: 0.9 },
    });
    const platform = new FakePlatform().next(authError(), new SendError('rejected', '400 reply not allowed', false));
    await enqueueIntents(db, [reply('denied', c.id), reply('rejected', c.id)], now);
    expect(await sender(platform).drain()).toMatchObject({ held: 1, failed: 1 });
    const rows = await db.outboundMessage.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.status, r.error])).toEqual([
      ['held', expect.stringMatching(/auth: 401/)],
      ['failed', expect.stringMatching(/rejected: 400/)],
    ]);
    expect(await db.caseEvent.count({ where: { caseId: c.id, type: { in: ['message_held', 'send_failed'] } } })).toBe(
      2,
    );
  });

  it('gives up after the configured attempts (rate limits do not count: see outbox-sender-waiting.test)', async () => {
    const platform = new FakePlatform().next(serverError(), serverError());
    await enqueueIntents(db, [reply('tired')], now);
    const s = sender(platform, 2);
    await s.drain();
    now = new Date(now.getTime() + 10 * 60_000);
    expect(await sender(platform, 2).drain()).toMatchObject({ failed: 1 });
    expect(await status('tired')).toBe('failed');
  });

  it('two senders draining at once send each message once', async () => {
    const platform = new FakePlatform();
    await enqueueIntents(
      db,
      Array.from({ length: 20 }, (_, i) => reply(`k${i}`)),
      now,
    );
    const results = await Promise.all([sender(platform).drain(), sender(platform).drain()]);
    expect(results[0].sent + results[1].sent).toBe(20);
    expect(new Set(platform.accepted.map((r) => r.idempotencyKey)).size).toBe(20);
    expect(platform.accepted).toHaveLength(20);
  });

  it('records the acknowledgement time on the case when the acknowledgement goes out', async () => {
    const c = await db.case.create({
      data: { customer: { create: { displayName: 'A' } }, channel: 'x', topic: 'other', severity: 'none', score: 0.9 },
    });
    await enqueueIntents(db, [reply(`ack:x:1`, c.id)], now);
    await sender(new FakePlatform()).drain();
    expect((await db.case.findUniqueOrThrow({ where: { id: c.id } })).acknowledgedAt).toEqual(now);
    expect(await db.caseEvent.count({ where: { caseId: c.id, type: 'public_reply_sent' } })).toBe(1);
  });
});
