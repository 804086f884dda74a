import { SendError } from '../../../src/core/channel-adapter';
import { silentLogger } from '../../../src/log/create-logger';
import { findMarkedInThread, markerFor } from '../../../src/slack/delivery/find-marked-message';
import type { SlackSendDeps } from '../../../src/slack/delivery/slack-send-deps';
import type { Db } from '../../../src/store/create-db';
import { tempDb } from '../../helpers/temp-db';

// conversations.replies as Slack documents it: the parent, then replies oldest first after `oldest`
// (exclusive), `limit` per page (at most 1,000), a cursor while more remain.
function threadOf(parentTs: string, replies: Array<{ ts: string; marker?: string }>) {
  const calls: Array<{ oldest?: string; cursor?: string; limit?: number }> = [];
  const replies_ = async (a: { ts: string; oldest?: string; cursor?: string; limit?: number }) => {
    calls.push({ oldest: a.oldest, cursor: a.cursor, limit: a.limit });
    const after = replies.filter((r) => !a.oldest || Number(r.ts) > Number(a.oldest));
    const offset = a.cursor ? Number(a.cursor) : 0;
    const limit = Math.min(a.limit ?? 100, 1_000);
    const page = after.slice(offset, offset + limit);
    const more = offset + limit < after.length;
    return {
      ok: true,
      messages: [
        { ts: parentTs },
        ...page.map((r) => ({ ts: r.ts, blocks: r.marker ? [{ block_id: r.marker }] : [] })),
      ],
      has_more: more,
      response_metadata: more ? { next_cursor: String(offset + limit) } : {},
    };
  };
  return { calls, client: { conversations: { replies: replies_ } } };
}

describe('findMarkedInThread', () => {
  let db: Db;
  let close: () => Promise<void>;
  beforeEach(async () => ({ db, close } = await tempDb()));
  afterEach(() => close());

  const queuedAt = new Date('2026-12-01T10:00:00Z');
  const ts = (secondsAfterQueue: number) => ((queuedAt.getTime() + secondsAfterQueue * 1000) / 1000).toFixed(6);
  const deps = (client: unknown, perMinute = 40, now = queuedAt.getTime() + 3_600_000): SlackSendDeps =>
    ({
      db,
      client,
      config: { channelId: 'C1', burstCases: 5, burstWindowMinutes: 2, historyReadsPerMinute: perMinute },
      logger: silentLogger(),
      now: () => new Date(now),
    }) as unknown as SlackSendDeps;

  it('reads a thread that grew by thousands since the row was queued to its end over a few checks', async () => {
    const marker = markerFor('slack:case:7');
    // 3,500 team replies after the row was queued; the bot's post is the 3,400th.
    const replies = Array.from({ length: 3_500 }, (_, i) => ({
      ts: ts(i + 1),
      marker: i === 3_399 ? marker : undefined,
    }));
    const { calls, client } = threadOf(ts(-600), replies);
    const d = deps(client);
    const first = findMarkedInThread(d, 'C1', ts(-600), marker, queuedAt);
    await expect(first).rejects.toThrow(/not found within 3 pages of the thread yet; the next check reads on/);
    expect(calls).toHaveLength(3);
    expect(calls[0].limit).toBe(1_000);
    // The next check starts after the last reply read, not at the queue time again.
    expect(await findMarkedInThread(d, 'C1', ts(-600), marker, queuedAt)).toEqual({ ts: ts(3_400) });
    expect(calls).toHaveLength(4);
    expect(calls[3].oldest).toBe(ts(3_000));
  });

  it('answers "not there" only once it has read to the end of the thread', async () => {
    const marker = markerFor('slack:case:8');
    const { client } = threadOf(ts(-600), [{ ts: ts(5) }, { ts: ts(6) }]);
    expect(await findMarkedInThread(deps(client), 'C1', ts(-600), marker, queuedAt)).toBeNull();
  });

  it("shares the minute's history budget through the database, so a restarted bot does not start afresh", async () => {
    const marker = markerFor('slack:case:9');
    const before = threadOf(ts(-600), []);
    for (let i = 0; i < 3; i++) await findMarkedInThread(deps(before.client, 3), 'C1', ts(-600), marker, queuedAt);
    const restarted = threadOf(ts(-600), []); // a new process: a new client
    const refused = await findMarkedInThread(deps(restarted.client, 3), 'C1', ts(-600), marker, queuedAt).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(SendError);
    // The bot's own budget, not Slack: /metrics counts it as a pacing wait.
    expect(refused).toMatchObject({ failure: 'rate_limited', pacing: 'slack_history_budget' });
    expect(restarted.calls).toHaveLength(0);
    // A minute later the budget is back.
    const later = deps(restarted.client, 3, queuedAt.getTime() + 3_661_000);
    expect(await findMarkedInThread(later, 'C1', ts(-600), marker, queuedAt)).toBeNull();
  });

  it('checks started at the same moment never spend more of the budget than there is', async () => {
    const { calls, client } = threadOf(ts(-600), []);
    const d = deps(client, 4);
    const checks = Array.from({ length: 10 }, (_, i) =>
      findMarkedInThread(d, 'C1', ts(-600), markerFor(`slack:case:${100 + i}`), queuedAt).then(
        () => 'read',
        (e: unknown) => (e instanceof SendError ? e.failure : 'other'),
      ),
    );
    const answers = await Promise.all(checks);
    expect(answers.filter((a) => a === 'read')).toHaveLength(4);
    expect(answers.filter((a) => a === 'rate_limited')).toHaveLength(6);
    expect(calls).toHaveLength(4);
  });
});
