import { PERMISSIONS, SERVER_ERROR, tooManyRequests } from '../../helpers/fake-x';
import { xContractMissing } from '../../helpers/x-contract-server';
import { BRAND, X_KEYS } from '../../helpers/x-fixtures';
import { type XHarness, xHarness } from '../../helpers/x-harness';

if (xContractMissing) console.warn(xContractMissing);
const describeX = xContractMissing ? describe.skip : describe;

const COMPLAINT = '@lumora my order never arrived and nobody answers. Unacceptable!';

describeX('X replies through the outbox (real twitter-api-v2 against the contract)', () => {
  let h: XHarness;
  const ack = async () => (await h.db.outboundMessage.findMany({ where: { kind: 'public_reply' } }))[0];
  const repliesTo = (postId: string) =>
    h.fx.brandPosts().filter((p) => p.referenced_tweets?.some((r) => r.id === postId));

  beforeEach(async () => {
    h = await xHarness();
  });
  afterEach(async () => {
    expect(h.server.violations).toEqual([]);
    await h.close();
  });

  it('acknowledges a complaint as a reply to the post and records what the summoned reply cost', async () => {
    const post = h.fx.post(h.fx.user('maria'), COMPLAINT);
    await h.cycle();
    const [call] = h.posted();
    expect(call.body.reply).toEqual({ in_reply_to_tweet_id: post.id });
    expect(call.body.text).toMatch(/\bmaria\b/i);
    const row = await ack();
    expect(row).toMatchObject({ status: 'sent', externalId: repliesTo(post.id)[0].id });
    const spend = await h.db.spendEntry.findFirst({ where: { outboundId: row.id } });
    expect(spend).toMatchObject({ channel: 'x', action: 'public_reply', costUsd: 0.01 });
    expect((await h.db.case.findFirst())!.acknowledgedAt).not.toBeNull();
  });

  it('rewords an acknowledgement X refuses as duplicate content, and the customer still gets exactly one reply', async () => {
    const post = h.fx.post(h.fx.user('maria'), COMPLAINT);
    await h.poll();
    const queued = await ack();
    h.fx.post(BRAND, queued.text, 30); // the brand posted these very words before (by hand)
    await h.sender.drain();
    expect(await ack()).toMatchObject({
      status: 'pending',
      error: expect.stringContaining('reworded after duplicate content'),
    });
    await h.sender.drain();
    const [refused, accepted] = h.posted();
    expect(refused.body.text).toBe(queued.text);
    expect(accepted.body.text).not.toBe(queued.text);
    // X shows the reply with the replied-to @handle in front of the brand's words.
    expect(repliesTo(post.id).map((p) => p.text)).toEqual([`@maria ${accepted.body.text}`]);
    expect(await ack()).toMatchObject({ status: 'sent', text: accepted.body.text });
  });

  it('treats duplicate content that is its own earlier reply (answer lost) as sent, without a second reply', async () => {
    const post = h.fx.post(h.fx.user('maria'), COMPLAINT);
    const message = {
      idempotencyKey: 'ack:x:test',
      text: 'Hi maria, sorry about this. Please DM us.',
      inReplyTo: { id: post.id, authorId: post.author_id! },
    };
    const first = await h.adapter.reply(message);
    const again = await h.adapter.reply(message);
    expect(again.externalId).toBe(first.externalId);
    expect(repliesTo(post.id)).toHaveLength(1);
    expect(h.server.requests.map((r) => r.operationId)).toEqual(['createPosts', 'createPosts', 'getUsersPosts']);
  });

  it('on 429 waits for x-rate-limit-reset: no call to X before it, one after it', async () => {
    h.fx.post(h.fx.user('maria'), COMPLAINT);
    await h.poll();
    h.fx.failNext('createPosts', tooManyRequests(new Date(h.time.now().getTime() + 600_000)));
    expect(await h.sender.drain()).toMatchObject({ retried: 1 });
    expect(await ack()).toMatchObject({
      status: 'pending',
      error: expect.stringContaining('X rate limit reached (429'),
    });
    h.time.advance(300_000);
    await h.sender.drain();
    expect(h.posted()).toHaveLength(1); // still waiting: nothing sent into the limit
    h.time.advance(301_000);
    await h.sender.drain();
    expect(h.posted()).toHaveLength(2);
    expect(await ack()).toMatchObject({ status: 'sent' });
  });

  it("after a 5xx whose post did go out, finds it among the brand's posts instead of replying twice", async () => {
    const post = h.fx.post(h.fx.user('maria'), COMPLAINT);
    await h.poll();
    h.fx.failNext('createPosts', SERVER_ERROR, { apply: true });
    expect(await h.sender.drain()).toMatchObject({ retried: 1 });
    h.time.advance(6_000);
    expect(await h.sender.drain()).toMatchObject({ sent: 1 });
    expect(h.posted()).toHaveLength(1);
    const lookup = h.server.requests.find((r) => r.operationId === 'getUsersPosts')!;
    expect(lookup.query.since_id).toBe(post.id);
    expect(await ack()).toMatchObject({ status: 'sent', externalId: repliesTo(post.id)[0].id });
    expect(repliesTo(post.id)).toHaveLength(1);
  });

  it('after a 5xx whose post did not go out, checks, then posts it once', async () => {
    const post = h.fx.post(h.fx.user('maria'), COMPLAINT);
    await h.poll();
    h.fx.failNext('createPosts', SERVER_ERROR);
    await h.sender.drain();
    h.time.advance(6_000);
    await h.sender.drain();
    expect(h.server.requests.map((r) => r.operationId).slice(-3)).toEqual([
      'createPosts',
      'getUsersPosts',
      'createPosts',
    ]);
    expect(repliesTo(post.id)).toHaveLength(1);
    expect(await ack()).toMatchObject({ status: 'sent' });
  });

  it('holds the reply for a person when X says the app lacks permissions, with what to fix', async () => {
    h.fx.post(h.fx.user('maria'), COMPLAINT);
    await h.poll();
    h.fx.failNext('createPosts', PERMISSIONS);
    expect(await h.sender.drain()).toMatchObject({ held: 1 });
    const row = await ack();
    expect(row.status).toBe('held');
    expect(row.error).toMatch(/auth: X refused the app's permissions .*Read and write and Direct message/);
    expect((await h.db.case.findFirst())!.holdReason).toMatch(/permissions/);
    expect(h.logs.join('\n')).toMatch(/X refused the app's permissions/);
  });
});

describeX('X with wrong credentials', () => {
  it('logs a clear line for reads and holds replies, never logging a secret', async () => {
    const good = await xHarness();
    good.fx.post(good.fx.user('maria'), COMPLAINT);
    await good.poll(); // queued with good credentials
    const bad = await xHarness({
      db: good.db,
      fx: good.fx,
      server: good.server,
      keys: { X_ACCESS_SECRET: 'a-revoked-secret' },
    });
    try {
      good.fx.post(good.fx.user('ana'), COMPLAINT);
      expect(await bad.poll()).toEqual({ directMessages: 0, mentions: 0, keywords: 0 });
      expect(await bad.sender.drain()).toMatchObject({ held: 1 });
      expect(bad.posted()).toHaveLength(0);
      const row = (await bad.db.outboundMessage.findMany({ where: { kind: 'public_reply' } }))[0];
      expect(row.error).toMatch(
        /^auth: X refused the credentials \(401 Unauthorized.*check X_API_KEY, X_API_SECRET, X_ACCESS_TOKEN and X_ACCESS_SECRET/,
      );
      const logs = bad.logs.join('\n');
      expect(logs).toMatch(/X mentions poll failed, next try in the next poll: X refused the credentials \(401/);
      for (const secret of ['a-revoked-secret', X_KEYS.consumerSecret, X_KEYS.token])
        expect(logs).not.toContain(secret);
    } finally {
      await bad.close();
      await good.close();
    }
  });
});
