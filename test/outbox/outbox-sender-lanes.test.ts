import { caseOutboxHooks } from '../../src/cases/record-message-outcome';
import type { OutboundRow } from '../../src/core/outbound';
import { silentLogger } from '../../src/log/create-logger';
import { OutboxSender } from '../../src/outbox/outbox-sender';
import type { OutboxTransport } from '../../src/outbox/outbox-transport';
import type { Db } from '../../src/store/create-db';
import { enqueueIntents } from '../../src/store/enqueue-intents';
import { FakePlatform, serverError } from '../helpers/flaky-transport';
import { tempDb } from '../helpers/temp-db';

const intent = (key: string, channel: string) => ({
  idempotencyKey: key,
  channel,
  kind: channel === 'slack' ? ('slack_thread' as const) : ('public_reply' as const),
  purpose: channel === 'slack' ? ('case_thread' as const) : ('acknowledgement' as const),
  text: key,
  target: { caseId: 1 },
});

/** A promise with its resolve function, to let one fake platform wait for what another does. */
function signal(): { done: Promise<void>; fire: () => void; fired: () => boolean } {
  let fired = false;
  let fire!: () => void;
  const done = new Promise<void>((resolve) => (fire = resolve)).then(() => void (fired = true));
  return { done, fire, fired: () => fired };
}

/** The platform as a transport that fires `sent` after each send it accepted. */
function firingOnSend(platform: FakePlatform, sent: { fire: () => void }): OutboxTransport {
  return {
    send: async (row) => {
      const result = await platform.send(row);
      sent.fire();
      return result;
    },
    findSent: platform.findSent,
  };
}

/** Unref'd: a post cut short by `release` leaves no timer keeping jest alive. */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/** A Slack-like transport whose every post takes until `release` (or `ms` at most), as a paced post does. */
function slowSlack(slack: FakePlatform, release: () => Promise<void>, ms: number) {
  const finished: string[] = [];
  const transport: OutboxTransport = {
    send: async (row: OutboundRow) => {
      await Promise.race([release(), sleep(ms)]);
      finished.push(row.idempotencyKey);
      return slack.send(row);
    },
    findSent: slack.findSent,
  };
  return { transport, finished };
}

describe('OutboxSender: each channel in its own lane', () => {
  let db: Db;
  let close: () => Promise<void>;
  beforeEach(async () => ({ db, close } = await tempDb()));
  afterEach(() => close());
  const sender = (transports: Record<string, OutboxTransport>) =>
    new OutboxSender({ ...caseOutboxHooks, db, transports, logger: silentLogger() });
  const status = async (key: string) =>
    (await db.outboundMessage.findUniqueOrThrow({ where: { idempotencyKey: key } })).status;

  it('sends an X acknowledgement while a slow Slack post queued before it is still in flight', async () => {
    // Queued first, so the old turn-by-turn drain posted it (and waited for it) before the X row.
    await enqueueIntents(
      db,
      ['s0', 's1', 's2'].map((k) => intent(k, 'slack')),
      new Date(),
    );
    await enqueueIntents(db, [intent('x0', 'x')], new Date());
    const xSent = signal();
    const x = new FakePlatform();
    const xTransport = firingOnSend(x, xSent);
    const slack = new FakePlatform();
    // Each Slack post lasts until the X row went out, or 1.5 s if it never does while the post is busy.
    const { transport, finished } = slowSlack(slack, () => xSent.done, 1_500);
    let xSentDuringFirstPost: boolean | undefined;
    const watched: OutboxTransport = {
      ...transport,
      send: async (row) => {
        const sent = await transport.send(row);
        xSentDuringFirstPost ??= xSent.fired() && finished.length === 1;
        return sent;
      },
    };
    const result = await sender({ slack: watched, x: xTransport }).drain();
    expect(xSentDuringFirstPost).toBe(true);
    expect(result).toEqual({ sent: 4, retried: 0, failed: 0, held: 0 });
    // Within a channel the id order holds; every message went out exactly once.
    expect(finished).toEqual(['s0', 's1', 's2']);
    expect(slack.accepted.map((r) => r.idempotencyKey)).toEqual(['s0', 's1', 's2']);
    expect(x.accepted.map((r) => r.idempotencyKey)).toEqual(['x0']);
    for (const key of ['s0', 's1', 's2', 'x0']) expect(await status(key)).toBe('sent');
  });

  it('lets in a channel that became due while the only running lane is stuck in one long send', async () => {
    await enqueueIntents(db, [intent('s0', 'slack')], new Date());
    const xSent = signal();
    const x = new FakePlatform();
    const slack = new FakePlatform();
    const { transport } = slowSlack(slack, () => xSent.done, 4_000);
    const xTransport = firingOnSend(x, xSent);
    const started = Date.now();
    const drained = sender({ slack: transport, x: xTransport }).drain();
    // A new acknowledgement, queued while the drain is inside the Slack send.
    await sleep(200);
    await enqueueIntents(db, [intent('x-new', 'x')], new Date());
    const result = await drained;
    // Joined within about a second (the rejoin timer), not after the 4 s Slack send.
    expect(xSent.fired()).toBe(true);
    expect(Date.now() - started).toBeLessThan(3_500);
    expect(result.sent).toBe(2);
    expect(await status('x-new')).toBe('sent');
    expect(await status('s0')).toBe('sent');
  });

  it('checks a row that became unconfirmed during a long paced Slack drain within that drain, not the next', async () => {
    let now = Date.parse('2026-11-18T10:00:00Z');
    await enqueueIntents(
      db,
      Array.from({ length: 20 }, (_, i) => intent(`s${i}`, 'slack')),
      new Date(now),
    );
    await enqueueIntents(db, [intent('x0', 'x')], new Date(now));
    const slack = new FakePlatform();
    // A post a second on the injected clock: 20 posts keep this one drain going for 20 s.
    const paced: OutboxTransport = {
      send: async (row) => ((now += 1_000), slack.send(row)),
      findSent: slack.findSent,
    };
    const x = new FakePlatform().next(serverError()); // unknown whether it went out: unconfirmed, 5 s backoff
    const result = await new OutboxSender({
      ...caseOutboxHooks,
      db,
      transports: { slack: paced, x },
      logger: silentLogger(),
      now: () => new Date(now),
    }).drain();
    expect(x.calls).toEqual(['send:x0', 'find:x0', 'send:x0']);
    expect(await status('x0')).toBe('sent');
    expect(result).toMatchObject({ sent: 21, retried: 1 });
  });

  it('a lane that fails does not end the drain while another lane is still sending', async () => {
    await enqueueIntents(db, [intent('x0', 'x'), intent('m0', 'mastodon')], new Date());
    const x = new FakePlatform();
    const slowX: OutboxTransport = { send: async (r) => (await sleep(300), x.send(r)), findSent: x.findSent };
    const drained = new OutboxSender({
      db,
      transports: { x: slowX }, // none for mastodon: its row is held, and recording that fails here
      logger: silentLogger(),
      onSent: async () => undefined,
      onNotSent: async () => {
        throw new Error('database hiccup');
      },
    }).drain();
    await expect(drained).rejects.toThrow('database hiccup');
    // Rejected only once the X lane had recorded its send.
    expect(await status('x0')).toBe('sent');
  });
});

describe('OutboxSender: sent rows of a local transport recorded in batches', () => {
  let db: Db;
  let close: () => Promise<void>;
  beforeEach(async () => ({ db, close } = await tempDb()));
  afterEach(() => close());
  const rows = (n: number) => Array.from({ length: n }, (_, i) => intent(`r${i}`, 'x'));

  it('records every row of a local transport exactly once: up to 500 started before the first send, one transaction each', async () => {
    await enqueueIntents(db, rows(600), new Date());
    const transactions = new Set<unknown>();
    const platform = new FakePlatform();
    const startedAtSend: number[] = [];
    const local: OutboxTransport = {
      send: async (r) => {
        startedAtSend.push(await db.outboundMessage.count({ where: { status: 'sending' } }));
        return platform.send(r);
      },
      findSent: platform.findSent,
      recordInBatches: true,
    };
    const sender = new OutboxSender({
      db,
      transports: { x: local },
      logger: silentLogger(),
      onSent: async (tx) => void transactions.add(tx),
      onNotSent: async () => undefined,
    });
    expect(await sender.drain(1000)).toEqual({ sent: 600, retried: 0, failed: 0, held: 0 });
    const keys = platform.accepted.map((r) => r.idempotencyKey);
    expect(keys).toHaveLength(600);
    expect(new Set(keys).size).toBe(600);
    const stored = await db.outboundMessage.findMany();
    expect(stored.every((r) => r.status === 'sent' && r.attempts === 1 && r.claimedBy === null)).toBe(true);
    // Two batches (500, then 100): each started whole before its first send, each recorded in one transaction.
    expect(startedAtSend[0]).toBe(500);
    expect(startedAtSend[500]).toBe(100);
    expect(transactions.size).toBe(2);
    expect(await sender.drain(1000)).toMatchObject({ sent: 0 });
    expect(platform.accepted).toHaveLength(600);
  });

  it('local lanes take turns, customers first: the team messages go once the replies they show are recorded', async () => {
    // The team's rows are queued first and their channel sorts first: neither decides the turn.
    await enqueueIntents(db, [intent('s0', 'slack'), intent('s1', 'slack'), ...rows(3)], new Date());
    const platform = new FakePlatform();
    const repliesRecordedAtTeamSend: number[] = [];
    const local = (before?: () => Promise<void>): OutboxTransport => ({
      send: async (r) => {
        await before?.();
        return platform.send(r);
      },
      findSent: platform.findSent,
      recordInBatches: true,
    });
    const team = local(async () => {
      repliesRecordedAtTeamSend.push(await db.outboundMessage.count({ where: { channel: 'x', status: 'sent' } }));
    });
    const result = await new OutboxSender({
      ...caseOutboxHooks,
      db,
      transports: { x: local(), slack: team },
      logger: silentLogger(),
    }).drain();
    expect(result).toMatchObject({ sent: 5 });
    expect(repliesRecordedAtTeamSend).toEqual([3, 3]);
  });

  it('a real platform still goes one row at a time: one started per send, at most 10 claimed, each recorded alone', async () => {
    await enqueueIntents(db, rows(25), new Date());
    const transactions = new Set<unknown>();
    const platform = new FakePlatform();
    const seen: Array<{ sending: number; claimed: number }> = [];
    const real: OutboxTransport = {
      send: async (r) => {
        const sending = await db.outboundMessage.count({ where: { status: 'sending' } });
        const claimed = await db.outboundMessage.count({ where: { claimedBy: { not: null }, status: 'pending' } });
        seen.push({ sending, claimed });
        return platform.send(r);
      },
      findSent: platform.findSent,
    };
    const result = await new OutboxSender({
      db,
      transports: { x: real },
      logger: silentLogger(),
      onSent: async (tx) => void transactions.add(tx),
      onNotSent: async () => undefined,
    }).drain();
    expect(result).toEqual({ sent: 25, retried: 0, failed: 0, held: 0 });
    expect(seen.every((s) => s.sending === 1 && s.claimed <= 9)).toBe(true);
    expect(seen[0].claimed).toBe(9); // the rest of its batch of 10
    expect(transactions.size).toBe(25);
  });

  it('when the batch cannot be recorded, records the rows one by one; one that still fails is checked, not resent', async () => {
    await enqueueIntents(db, rows(3), new Date());
    const platform = new FakePlatform();
    const local: OutboxTransport = {
      send: (r) => platform.send(r),
      findSent: platform.findSent,
      recordInBatches: true,
    };
    let failuresLeft = 2; // the batch, then r1 on its own
    const result = await new OutboxSender({
      db,
      transports: { x: local },
      logger: silentLogger(),
      onSent: async (_tx, row) => {
        if (row.idempotencyKey === 'r1' && failuresLeft-- > 0) throw new Error('database hiccup');
      },
      onNotSent: async () => undefined,
    }).drain();
    expect(result).toMatchObject({ sent: 2, retried: 1 });
    const r1 = await db.outboundMessage.findUniqueOrThrow({ where: { idempotencyKey: 'r1' } });
    expect(r1.status).toBe('pending');
    expect(r1.error).toMatch(/^unconfirmed: /);
    expect(platform.accepted.map((r) => r.idempotencyKey)).toEqual(['r0', 'r1', 'r2']);
  });
});
