import { MENTIONS_CURSOR } from '../../../adapters/x/poll-mentions';
import type { Mention } from '../../../src/core/mention';
import { readCursor } from '../../../src/store/cursor-position';
import { xContractMissing } from '../../helpers/x-contract-server';
import { type XHarness, xHarness } from '../../helpers/x-harness';

if (xContractMissing) console.warn(xContractMissing);
const describeX = xContractMissing ? describe.skip : describe;

const COMPLAINT = '@lumora my order never arrived and nobody answers. Unacceptable!';

describeX('X adapter across restarts', () => {
  let first: XHarness;
  let second: XHarness | undefined;
  const repliesTo = (postId: string) =>
    first.fx.brandPosts().filter((p) => p.referenced_tweets?.some((r) => r.id === postId));

  beforeEach(async () => {
    first = await xHarness();
    second = undefined;
  });
  afterEach(async () => {
    expect(first.server.violations).toEqual([]);
    await second?.close();
    await first.close();
  });

  it('a crash after replying but before the cursor moved: the restart reads the post again and does not reply twice', async () => {
    const post = first.fx.post(first.fx.user('maria'), COMPLAINT);
    // The batch is stored and answered, then the process dies before the adapter moves its cursor.
    await first.adapter.pollOnce(async (batch) => {
      await first.handler(batch);
      await first.sender.drain();
      throw new Error('killed');
    });
    expect(repliesTo(post.id)).toHaveLength(1);
    expect(await readCursor(first.db, MENTIONS_CURSOR)).toBeUndefined();

    second = await xHarness({ db: first.db, fx: first.fx, server: first.server });
    await second.cycle();
    expect(second.delivered.map((m) => m.id)).toEqual([post.id]); // read again...
    expect(repliesTo(post.id)).toHaveLength(1); // ...and not answered again
    expect(first.posted()).toHaveLength(1);
    expect(await first.db.mention.count()).toBe(1);
    expect(await readCursor(first.db, MENTIONS_CURSOR)).toBe(post.id);
  });

  it('a crash between X accepting the reply and the outbox recording it: the restart finds the reply instead of posting again', async () => {
    const post = first.fx.post(first.fx.user('maria'), COMPLAINT);
    await first.poll();
    const row = (await first.db.outboundMessage.findMany({ where: { kind: 'public_reply' } }))[0];
    // What the process did before dying: claimed the row and posted it; the answer never got recorded.
    await first.db.outboundMessage.update({ where: { id: row.id }, data: { status: 'sending', attempts: 1 } });
    await first.adapter.reply({
      idempotencyKey: row.idempotencyKey,
      text: row.text,
      inReplyTo: { id: post.id, authorId: post.author_id! },
    });

    second = await xHarness({ db: first.db, fx: first.fx, server: first.server });
    expect(await second.sender.recoverInterrupted(0)).toBe(1);
    await second.sender.drain();
    expect(first.posted()).toHaveLength(1);
    expect(await first.db.outboundMessage.findUnique({ where: { id: row.id } })).toMatchObject({
      status: 'sent',
      externalId: repliesTo(post.id)[0].id,
    });
  });

  it('start() catches up before it resolves, polls again every interval, and stop() ends the loop', async () => {
    const maria = first.fx.user('maria');
    const missed = first.fx.post(maria, '@lumora hello?', 90);
    const seen: Mention[] = [];
    const onMentions = async (batch: Mention[]) => void seen.push(...batch);
    await first.adapter.start(onMentions);
    expect(seen.map((m) => m.id)).toEqual([missed.id]);
    await new Promise((r) => setImmediate(r)); // the loop is now waiting for the interval
    expect(first.time.waits).toEqual([60_000]);
    await first.adapter.stop();
    expect(first.server.requests.filter((r) => r.operationId === 'getUsersMentions')).toHaveLength(1);
  });
});
