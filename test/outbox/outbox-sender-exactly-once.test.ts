import os from 'node:os';
import { caseOutboxHooks } from '../../src/cases/record-message-outcome';
import type { SendResult } from '../../src/core/channel-adapter';
import type { OutboundRow } from '../../src/core/outbound';
import { silentLogger } from '../../src/log/create-logger';
import { OutboxSender } from '../../src/outbox/outbox-sender';
import type { OutboxTransport } from '../../src/outbox/outbox-transport';
import type { Db } from '../../src/store/create-db';
import { enqueueIntents } from '../../src/store/enqueue-intents';
import { FakePlatform, rateLimited, serverError } from '../helpers/flaky-transport';
import { tempDb } from '../helpers/temp-db';

const intent = (key: string, channel = 'x') => ({
  idempotencyKey: key,
  channel,
  kind: channel === 'slack' ? ('slack_notice' as const) : ('public_reply' as const),
  purpose: channel === 'slack' ? ('notice' as const) : ('acknowledgement' as const),
  text: `text of ${key}`,
  target: { inReplyTo: { id: key, authorId: 'a' } },
});

/** A platform whose check answers many rows in one call (as X reads the brand's posts once). */
class BatchPlatform extends FakePlatform {
  checks: string[][] = [];
  checkFails?: Error;
  findSentMany = async (rows: OutboundRow[]): Promise<Array<SendResult | null>> => {
    this.checks.push(rows.map((r) => r.idempotencyKey));
    if (this.checkFails) throw this.checkFails;
    return rows.map((r) => {
      const i = this.accepted.findIndex((a) => a.idempotencyKey === r.idempotencyKey);
      return i >= 0 ? { externalId: `ext-${i + 1}` } : null;
    });
  };
}

describe('OutboxSender: exactly once, promptly (issue 17)', () => {
  let db: Db;
  let close: () => Promise<void>;
  let now: number;
  beforeEach(async () => {
    ({ db, close } = await tempDb());
    now = new Date('2026-11-18T10:00:00Z').getTime();
  });
  afterEach(() => close());
  const sender = (transports: Record<string, OutboxTransport>, senderId = 'one') =>
    new OutboxSender({
      ...caseOutboxHooks,
      db,
      transports,
      logger: silentLogger(),
      now: () => new Date(now),
      leaseMs: 15_000,
      senderId,
    });
  const row = (key: string) => db.outboundMessage.findUniqueOrThrow({ where: { idempotencyKey: key } });
  /** Row a fails twice with a 5xx (backing off 30 s now), then row b is queued; the sender that did it. */
  const aBackingOffThenB = async (x: BatchPlatform) => {
    await enqueueIntents(db, [intent('a')], new Date(now));
    const s = sender({ x });
    await s.drain(); // a: 5xx, backs off 5 s
    now += 6_000;
    await s.drain(); // checked (not out), sent again: 5xx again, backs off 30 s
    expect((await row('a')).notBefore.getTime()).toBe(now + 30_000);
    now += 1_000;
    await enqueueIntents(db, [intent('b')], new Date(now));
    return s;
  };

  it('once the platform takes a message again, rows backing off after its 5xx are due at once, checked first', async () => {
    const x = new BatchPlatform().next(serverError(), serverError());
    const s = await aBackingOffThenB(x);
    await s.drain(); // b goes: the platform is back
    expect(await row('b')).toMatchObject({ status: 'sent' });
    expect((await row('a')).notBefore.getTime()).toBe(now);
    await s.drain();
    expect(await row('a')).toMatchObject({ status: 'sent', attempts: 3 });
    expect(x.checks.at(-1)).toEqual(['a']);
    expect(x.accepted.map((r) => r.idempotencyKey)).toEqual(['b', 'a']);
  });

  it('a check that finds a post whose answer was lost also brings the backing-off rows forward', async () => {
    // The platform accepts and then answers 500: no send ever looks successful, only checks find them.
    const x = new BatchPlatform().next(serverError(), serverError(), serverError());
    const s = await aBackingOffThenB(x);
    await s.drain(); // b: 5xx, though the platform posted it
    x.accepted.push(await row('b'));
    now += 6_000;
    await s.drain(); // b's check finds it: the platform posts again, so a is due now
    expect(await row('b')).toMatchObject({ status: 'sent' });
    expect((await row('a')).notBefore.getTime()).toBeLessThanOrEqual(now);
    await s.drain();
    expect(await row('a')).toMatchObject({ status: 'sent' });
    expect(x.accepted.map((r) => r.idempotencyKey)).toEqual(['b', 'a']);
  });

  it("a used-up send window is written on the channel's waiting rows, not on its unconfirmed ones nor elsewhere", async () => {
    const x = new BatchPlatform().next(rateLimited(60_000));
    const slack = new FakePlatform();
    await enqueueIntents(db, [intent('a'), intent('b'), intent('c'), intent('s', 'slack')], new Date(now));
    // c went out unconfirmed a moment ago: its check (a read, not a send) is due in 5 s.
    await db.outboundMessage.update({
      where: { idempotencyKey: 'c' },
      data: { error: 'unconfirmed: HTTP 503', attempts: 1, notBefore: new Date(now + 5_000) },
    });
    await sender({ x, slack }).drain();
    expect((await row('a')).notBefore.getTime()).toBe(now + 60_000);
    expect((await row('b')).notBefore.getTime()).toBe(now + 60_000);
    expect((await row('c')).notBefore.getTime()).toBe(now + 5_000);
    expect(await row('s')).toMatchObject({ status: 'sent' });
    expect(x.accepted).toEqual([]);
  });

  it('checks every unconfirmed row of a channel in one call per drain, and sends only those not out', async () => {
    const x = new BatchPlatform().next(serverError(), 'ok', serverError());
    await enqueueIntents(
      db,
      ['a', 'b', 'c'].map((k) => intent(k)),
      new Date(now),
    );
    // a: 5xx (not out); b: accepted; c: 5xx. Then a and c: X posted but the answer was lost.
    await sender({ x }).drain();
    expect(x.accepted.map((r) => r.idempotencyKey)).toEqual(['b']);
    x.accepted.push(await row('c')); // c did go out after all
    now += 6_000;
    await sender({ x }).drain();
    expect(x.checks).toEqual([['a', 'c']]);
    expect(await row('c')).toMatchObject({ status: 'sent', externalId: 'ext-2' });
    expect(await row('a')).toMatchObject({ status: 'sent' });
    expect(x.accepted.map((r) => r.idempotencyKey)).toEqual(['b', 'c', 'a']);
  });

  it('a check that cannot run keeps the rows unconfirmed and waiting, and pauses no other send', async () => {
    const x = new BatchPlatform().next(serverError());
    await enqueueIntents(db, [intent('a')], new Date(now));
    await sender({ x }).drain();
    await enqueueIntents(db, [intent('b')], new Date(now));
    x.checkFails = rateLimited(60_000);
    now += 6_000;
    const s = sender({ x });
    await s.drain();
    expect(await row('a')).toMatchObject({ status: 'pending', error: expect.stringMatching(/^unconfirmed: /) });
    expect((await row('a')).notBefore.getTime()).toBe(now + 60_000);
    expect(await row('b')).toMatchObject({ status: 'sent' }); // the check's window is not the send window
    x.checkFails = undefined;
    now += 61_000;
    await s.drain();
    expect(x.checks).toHaveLength(2);
    expect(await row('a')).toMatchObject({ status: 'sent' });
    expect(x.accepted.map((r) => r.idempotencyKey)).toEqual(['b', 'a']);
  });

  it('a rate-limited channel never keeps another channel waiting, however many rows it has', async () => {
    const x = new FakePlatform().next(rateLimited(600_000));
    const slack = new FakePlatform();
    await enqueueIntents(
      db,
      Array.from({ length: 30 }, (_, i) => intent(`x${i}`)),
      new Date(now),
    );
    await enqueueIntents(db, [intent('s1', 'slack')], new Date(now));
    const s = sender({ x, slack });
    await s.drain(5); // a small limit: 30 X rows would fill it
    expect(slack.accepted.map((r) => r.idempotencyKey)).toEqual(['s1']);
    await enqueueIntents(db, [intent('s2', 'slack')], new Date(now));
    now += 1_000;
    await s.drain(5);
    expect(slack.accepted.map((r) => r.idempotencyKey)).toEqual(['s1', 's2']);
    expect(x.calls).toHaveLength(1); // nothing sent into the limit
  });

  it('a row left sending by a sender that died is checked and resumed once its lease runs out, while running', async () => {
    const x = new FakePlatform().next('hang-after-accept');
    await enqueueIntents(db, [intent('a')], new Date(now));
    void sender({ x }, 'dead').drain(); // X accepted, then the process was killed before recording
    await new Promise((r) => setTimeout(r, 200));
    expect(await row('a')).toMatchObject({ status: 'sending', claimedBy: 'dead' });
    const alive = sender({ x }, 'alive');
    await alive.drain();
    expect(await row('a')).toMatchObject({ status: 'sending' }); // the lease still runs: left alone
    now += 16_000;
    await alive.drain();
    expect(await row('a')).toMatchObject({ status: 'sent', externalId: 'ext-1' });
    expect(x.calls).toEqual(['send:a', 'find:a']);
  });

  it('after a kill -9 and a restart on the same host, the rows of the dead process are resumed at once', async () => {
    const x = new FakePlatform().next('hang-after-accept');
    await enqueueIntents(db, [intent('a'), intent('b')], new Date(now));
    const deadId = `${os.hostname()}:2147483646:gone`; // a pid no process has
    void sender({ x }, deadId).drain();
    await new Promise((r) => setTimeout(r, 200));
    expect(await row('a')).toMatchObject({ status: 'sending', claimedBy: deadId });
    await sender({ x }).drain(); // no wait for the lease: its holder does not run
    expect(await row('a')).toMatchObject({ status: 'sent', externalId: 'ext-1' });
    expect(await row('b')).toMatchObject({ status: 'sent' });
    expect(x.calls).toEqual(['send:a', 'find:a', 'send:b']);
  });

  it('a local transport killed mid-batch: its started rows are checked on restart, none resent, none lost', async () => {
    const log = new FakePlatform().next('ok', 'hang-after-accept');
    const local = (): OutboxTransport => ({ send: (r) => log.send(r), findSent: log.findSent, recordInBatches: true });
    await enqueueIntents(db, [intent('a'), intent('b'), intent('c')], new Date(now));
    const deadId = `${os.hostname()}:2147483646:gone`;
    void sender({ x: local() }, deadId).drain(); // a went out, b was written, then the process was killed
    await new Promise((r) => setTimeout(r, 200));
    // The whole batch was started before the first send: nothing of it is taken for never tried.
    for (const key of ['a', 'b', 'c']) expect(await row(key)).toMatchObject({ status: 'sending', claimedBy: deadId });
    expect(await sender({ x: local() }).drain()).toMatchObject({ sent: 3 });
    for (const key of ['a', 'b', 'c']) expect(await row(key)).toMatchObject({ status: 'sent' });
    expect(log.calls.filter((c) => c.startsWith('send:'))).toEqual(['send:a', 'send:b', 'send:c']);
  });

  it('a sender renews its leases while a send is slow, so nobody else takes the row', async () => {
    let finish: (r: SendResult) => void = () => undefined;
    const slow: OutboxTransport = { send: () => new Promise<SendResult>((r) => (finish = r)) };
    const other = new FakePlatform();
    await enqueueIntents(db, [intent('a')], new Date(now));
    const first = sender({ x: slow }, 'first');
    const drained = first.drain();
    await new Promise((r) => setTimeout(r, 100));
    now += 10_000;
    await new Promise((r) => setTimeout(r, 5_200)); // one renewal (every lease/3 = 5 s)
    now += 10_000; // 20 s after the claim: without renewal the 15 s lease would have run out
    await sender({ x: other }, 'second').drain();
    expect(other.calls).toEqual([]);
    finish({ externalId: 'slow-1' });
    await drained;
    expect(await row('a')).toMatchObject({ status: 'sent', externalId: 'slow-1' });
  }, 10_000);
});
