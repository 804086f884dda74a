import { caseOutboxHooks } from '../../src/cases/record-message-outcome';
import { SendError } from '../../src/core/channel-adapter';
import type { OutboundRow } from '../../src/core/outbound';
import { silentLogger } from '../../src/log/create-logger';
import { OutboxSender } from '../../src/outbox/outbox-sender';
import type { OutboxTransport, StartRows, TogetherOutcome } from '../../src/outbox/outbox-transport';
import type { Db } from '../../src/store/create-db';
import { enqueueIntents } from '../../src/store/enqueue-intents';
import { tempDb } from '../helpers/temp-db';

const intent = (key: string, kind: 'slack_case' | 'slack_thread' = 'slack_case') => ({
  idempotencyKey: key,
  channel: 'slack',
  kind,
  purpose: kind === 'slack_case' ? ('case_message' as const) : ('case_thread' as const),
  text: key,
  target: { caseId: 1 },
});

/**
 * A platform that can post several rows as one message, at most `perPost` (more when told), and answers each
 * call as told: posts, a failure before anything started, or a failure after the rows were started.
 */
class GroupingPlatform implements OutboxTransport {
  posts: string[][] = [];
  alone: string[] = [];
  answers: Array<'post' | Error | { afterStart: Error }> = [];
  constructor(private readonly perPost: number) {}
  togetherKey(row: OutboundRow) {
    return row.kind === 'slack_case' ? 'cases' : undefined;
  }
  async send(row: OutboundRow) {
    this.alone.push(row.idempotencyKey);
    return { externalId: `alone/${row.idempotencyKey}` };
  }
  async sendTogether(rows: OutboundRow[], start: StartRows): Promise<TogetherOutcome[]> {
    const answer = this.answers.shift() ?? 'post';
    if (answer instanceof Error) throw answer;
    const go = await start(rows.slice(0, this.perPost));
    if (answer !== 'post') return go.map((row) => ({ row, error: answer.afterStart }));
    this.posts.push(go.map((r) => r.idempotencyKey));
    return go.map((row) => ({ row, result: { externalId: `post/${this.posts.length}` } }));
  }
}

describe('OutboxSender: rows a platform posts together', () => {
  let db: Db;
  let close: () => Promise<void>;
  const now = new Date('2026-11-18T10:00:00Z');
  beforeEach(async () => {
    ({ db, close } = await tempDb());
  });
  afterEach(() => close());
  const sender = (platform: OutboxTransport) =>
    new OutboxSender({
      ...caseOutboxHooks,
      db,
      transports: { slack: platform },
      logger: silentLogger(),
      now: () => now,
    });
  const rows = () => db.outboundMessage.findMany({ orderBy: { id: 'asc' } });
  const queue = (keys: string[], kind?: 'slack_case' | 'slack_thread') =>
    enqueueIntents(
      db,
      keys.map((k) => intent(k, kind)),
      now,
    );

  it('sends the rows of one key together as the platform picks them, each recorded once, the rest in order', async () => {
    const platform = new GroupingPlatform(3);
    await queue(['c1', 'c2']);
    await queue(['t1'], 'slack_thread');
    await queue(['c3', 'c4', 'c5', 'c6', 'c7']);
    const result = await sender(platform).drain();
    expect(result).toMatchObject({ sent: 8, retried: 0, failed: 0 });
    expect(platform.posts).toEqual([
      ['c1', 'c2', 'c3'],
      ['c4', 'c5', 'c6'],
    ]);
    // c7 was alone in the lane's queue by then, a thread line never goes together.
    expect(platform.alone.sort()).toEqual(['c7', 't1']);
    for (const r of await rows()) expect(r).toMatchObject({ status: 'sent', attempts: 1, claimedBy: null });
    const byKey = new Map((await rows()).map((r) => [r.idempotencyKey, r.externalId]));
    expect([byKey.get('c1'), byKey.get('c2'), byKey.get('c3')]).toEqual(['post/1', 'post/1', 'post/1']);
  });

  it('a wait before anything started holds every row offered, without using their attempts', async () => {
    const platform = new GroupingPlatform(10);
    platform.answers.push(new SendError('waiting', 'waiting for the burst summary', true, 60_000));
    await queue(['c1', 'c2', 'c3']);
    const result = await sender(platform).drain();
    expect(result.retried).toBe(3);
    expect(platform.posts).toEqual([]);
    for (const r of await rows())
      expect(r).toMatchObject({
        status: 'pending',
        attempts: 0,
        claimedBy: null,
        notBefore: new Date(now.getTime() + 60_000),
      });
  });

  it('a post whose answer was lost leaves every row it carried unconfirmed, checked before any resend', async () => {
    const platform = new GroupingPlatform(2);
    platform.answers.push({ afterStart: new SendError('server', 'HTTP 500 after posting', true) });
    await queue(['c1', 'c2', 'c3']);
    const result = await sender(platform).drain();
    expect(result.retried).toBe(2);
    const [c1, c2, c3] = await rows();
    for (const r of [c1, c2])
      expect(r).toMatchObject({ status: 'pending', attempts: 1, error: expect.stringMatching(/^unconfirmed: /) });
    // The row the platform did not pick went on as usual (alone: nothing else of its key was left).
    expect(c3).toMatchObject({ status: 'sent' });
    expect(platform.alone).toEqual(['c3']);
  });

  it('a row another sender took meanwhile is left to it, and the others still go together', async () => {
    const platform = new GroupingPlatform(3);
    await queue(['c1', 'c2', 'c3']);
    const s = sender(platform);
    const original = platform.sendTogether.bind(platform);
    platform.sendTogether = async (picked, start) => {
      // Between the claim and the start, c2's lease passed to someone else.
      await db.outboundMessage.update({ where: { idempotencyKey: 'c2' }, data: { claimedBy: 'other' } });
      return original(picked, start);
    };
    const result = await s.drain();
    expect(platform.posts).toEqual([['c1', 'c3']]);
    expect(result).toMatchObject({ sent: 2, retried: 1 });
    expect((await rows())[1]).toMatchObject({ status: 'pending', attempts: 0, claimedBy: 'other' });
  });
});
