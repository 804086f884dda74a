import { NOTIFICATIONS_CURSOR } from '../../../adapters/mastodon/backfill-mentions';
import { mastodonChannel } from '../../../adapters/mastodon/index';
import { readCursor } from '../../../src/store/cursor-position';
import { type MastodonHarness, mastodonHarness, until } from '../../helpers/mastodon/mastodon-harness';
import { mastodonContractMissing } from '../../helpers/mastodon/mastodon-server';

if (mastodonContractMissing) console.warn(mastodonContractMissing);
const describeM = mastodonContractMissing ? describe.skip : describe;

describeM('Mastodon channel (real masto against the OpenAPI-checked fake)', () => {
  let h: MastodonHarness;
  beforeEach(async () => {
    h = await mastodonHarness({ streaming: false });
  });
  afterEach(async () => {
    expect(h.server.violations).toEqual([]);
    await h.close();
  });

  it('maps a mention (HTML decoded), replies in its thread no wider than the post with its warning kept, and invites by direct status', async () => {
    const maria = h.fx.account('maria', 'other.social', { display_name: 'Maria Kettle' });
    const post = h.fx.post(maria, '@lumora my router never arrived & nobody answers <sigh>, terrible service', 5, {
      visibility: 'unlisted',
      spoilerText: 'rant',
    });
    await h.poll();
    expect(h.delivered).toEqual([
      expect.objectContaining({
        channel: 'mastodon',
        id: post.id,
        mentionsBrand: true,
        text: '@lumora my router never arrived & nobody answers <sigh>, terrible service',
        author: { id: maria.id, handle: 'maria@other.social', name: 'Maria Kettle' },
        url: post.url,
      }),
    ]);
    expect(h.delivered[0].isPrivate).toBeUndefined();
    const drained = await h.sender.drain();
    expect(drained).toEqual({ sent: 3, retried: 0, failed: 0, held: 0 }); // the invitation, the reply, the Slack case
    const [invite, reply] = h.fx.brandStatuses();
    expect(invite).toMatchObject({
      visibility: 'direct',
      in_reply_to_id: post.id,
      mentions: [expect.objectContaining({ acct: 'maria@other.social' })],
    });
    expect(reply).toMatchObject({ visibility: 'unlisted', in_reply_to_id: post.id, spoiler_text: 'rant' });
    expect(reply._text.startsWith('@maria@other.social ')).toBe(true);
    expect(reply.mentions.map((m: any) => m.acct)).toEqual(['maria@other.social']);
    const posts = h.server.requests.filter((r) => r.operationId === 'createStatus');
    expect(
      posts.every((r) => typeof r.headers['idempotency-key'] === 'string' && r.headers['idempotency-key'].length > 0),
    ).toBe(true);
  });

  it('answers a followers-only post followers-only, never publicly', async () => {
    const ana = h.fx.account('ana');
    const post = h.fx.post(ana, '@lumora charged twice, this is awful', 3, { visibility: 'private' });
    await h.poll();
    await h.sender.drain();
    const answers = h.fx.brandStatuses().filter((s) => s.in_reply_to_id === post.id);
    expect(answers.map((s) => s.visibility).sort()).toEqual(['direct', 'private']);
  });

  it('keeps a reply to a direct status direct', async () => {
    const ana = h.fx.account('ana');
    const post = h.fx.post(ana, '@lumora charged twice, this is awful', 3, { visibility: 'direct' });
    const reply = await h.adapter.reply({
      idempotencyKey: 'd1',
      text: 'Sorry to hear that',
      inReplyTo: { id: post.id, authorId: ana.id },
    });
    expect(h.fx.brandStatuses().find((s) => s.id === reply.externalId)?.visibility).toBe('direct');
  });

  it("joins the customer's direct answer to their case", async () => {
    const maria = h.fx.account('maria', 'other.social');
    h.fx.post(maria, '@lumora my order is late and support is useless', 3);
    await h.poll();
    await h.sender.drain();
    h.fx.post(maria, '@lumora it is order 4411', 0, { visibility: 'direct' });
    await h.poll();
    expect(h.delivered[1]).toMatchObject({ isPrivate: true, text: '@lumora it is order 4411' });
    expect(await h.db.caseEvent.count({ where: { type: 'customer_wrote_privately' } })).toBe(1);
  });

  it('resolves an ambiguous post (made, answer lost) without a second status', async () => {
    const maria = h.fx.account('maria', 'other.social');
    h.fx.post(maria, '@lumora my internet is down for the third day, awful', 2);
    await h.poll();
    h.fx.failNext('createStatus', { status: 503, body: { error: 'Service Unavailable' } }, { afterEffect: true });
    // The invitation is posted, its answer lost; the reply does not wait for an invitation that was tried.
    await h.sender.drain();
    expect(h.fx.brandStatuses()).toHaveLength(2);
    h.time.advance(10 * 60_000);
    await h.sender.drain();
    expect(h.fx.brandStatuses()).toHaveLength(2); // the invitation found in the thread, not posted again
    expect(h.server.requests.map((r) => r.operationId)).toContain('getStatusContext');
    const invite = (await h.outbound()).find((r) => r.kind === 'private_message')!;
    expect(invite.externalId).toBe(h.fx.brandStatuses()[0].id);
    const rows = (await h.outbound()).filter((r) => r.channel === 'mastodon');
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
  });

  it('a resend with the same Idempotency-Key returns the same status', async () => {
    const maria = h.fx.account('maria', 'other.social');
    const post = h.fx.post(maria, '@lumora hello', 1);
    await h.poll();
    const first = await h.adapter.reply({
      idempotencyKey: 'k1',
      text: 'Hi there',
      inReplyTo: { id: post.id, authorId: maria.id },
    });
    const again = await h.adapter.reply({
      idempotencyKey: 'k1',
      text: 'Hi there',
      inReplyTo: { id: post.id, authorId: maria.id },
    });
    expect(again.externalId).toBe(first.externalId);
    expect(h.fx.brandStatuses()).toHaveLength(1);
  });

  it('refuses a status over the instance max_characters before posting, counting links as 23', async () => {
    h.fx.maxCharacters = 100;
    const maria = h.fx.account('maria', 'other.social');
    const post = h.fx.post(maria, '@lumora hello', 1);
    await h.close();
    h = await mastodonHarness({ streaming: false, fx: h.fx });
    await h.poll();
    const link = `https://example.com/${'a'.repeat(200)}`;
    await expect(
      h.adapter.reply({ idempotencyKey: 'k2', text: `See ${link}`, inReplyTo: { id: post.id, authorId: maria.id } }),
    ).resolves.toBeDefined();
    await expect(
      h.adapter.reply({ idempotencyKey: 'k3', text: 'x'.repeat(95), inReplyTo: { id: post.id, authorId: maria.id } }),
    ).rejects.toMatchObject({ failure: 'rejected' });
    expect(mastodonChannel.limit.maxLength).toBe(100 - 32); // less room for the @mention; composing and *Reply publicly* follow the instance
  });

  it('waits for X-RateLimit-Reset when the window is used up', async () => {
    const maria = h.fx.account('maria', 'other.social');
    h.fx.post(maria, '@lumora charged twice, terrible', 1);
    await h.poll();
    h.fx.remaining = 0;
    const resetIn = h.fx.resetMs - h.time.now().getTime();
    await h.poll();
    expect(h.time.waits.some((w) => Math.abs(w - resetIn) < 1000)).toBe(true);
    expect(h.logs.join('\n')).toMatch(/Mastodon rate limit used up; waiting for the reset/);
  });

  it('holds sends with a clear line when the token is revoked', async () => {
    const maria = h.fx.account('maria', 'other.social');
    h.fx.post(maria, '@lumora worst support ever, locked out', 2);
    await h.poll();
    h.fx.token = 'revoked';
    await h.sender.drain();
    const rows = (await h.outbound()).filter((r) => r.channel === 'mastodon');
    expect(rows.map((r) => r.status)).toEqual(['held', 'held']);
    expect(rows[0].error).toMatch(/MASTODON_ACCESS_TOKEN/);
    expect(h.logs.join('\n')).not.toContain('mastodon-test-token-1234');
  });

  it('listens to hashtags as alerts only', async () => {
    await h.close();
    h = await mastodonHarness({ streaming: false, env: { MASTODON_HASHTAGS: 'lumora' } });
    const ben = h.fx.account('ben', 'elsewhere.social');
    const tagged = h.fx.post(ben, 'my #lumora router died again, awful and useless', 3, { tags: ['lumora'] });
    await h.poll();
    expect(h.delivered).toEqual([expect.objectContaining({ id: tagged.id, mentionsBrand: false })]);
    await h.sender.drain();
    expect(h.fx.brandStatuses()).toEqual([]);
    expect((await h.outbound()).map((r) => r.kind)).toEqual(['slack_alert']);
  });

  it('catches up after a restart with min_id: nothing lost, nothing twice', async () => {
    const people = Array.from({ length: 3 }, (_, i) => h.fx.account(`p${i}`, 'other.social'));
    h.fx.post(people[0], '@lumora first', 90);
    await h.poll();
    await h.adapter.stop();
    const missed = Array.from({ length: 95 }, (_, i) => h.fx.post(people[i % 3], `@lumora number ${i}`, 80 - i * 0.5));
    const again = await mastodonHarness({ streaming: false, db: h.db, fx: h.fx, server: h.server });
    try {
      await again.poll();
      expect(again.delivered.map((m) => m.id)).toEqual(missed.map((s) => s.id));
      const calls = again.server.requests.filter((r) => r.operationId === 'getNotifications' && r.query.min_id);
      expect(calls.length).toBeGreaterThanOrEqual(3);
      again.delivered.length = 0;
      await again.poll();
      expect(again.delivered).toEqual([]);
      expect(await readCursor(h.db, NOTIFICATIONS_CURSOR)).toBe(h.fx.notifications[h.fx.notifications.length - 1].id);
    } finally {
      await again.adapter.stop();
    }
  });
});

describeM('Mastodon streaming (masto WebSocket client against the fake stream)', () => {
  let h: MastodonHarness;
  afterEach(async () => {
    expect(h.server.violations).toEqual([]);
    await h.close();
  });

  it('delivers mentions live, and backfills over REST what came while the stream was down', async () => {
    h = await mastodonHarness();
    const maria = h.fx.account('maria', 'other.social');
    await h.start();
    await until(() => h.server.sockets.size === 1);
    await new Promise((r) => setTimeout(r, 100)); // the subscription message
    const live = h.fx.post(maria, '@lumora live one', 0);
    await until(() => h.delivered.some((m) => m.id === live.id));

    h.server.dropStreams();
    const whileDown = h.fx.post(maria, '@lumora while the stream was down', 0);
    await until(() => h.delivered.some((m) => m.id === whileDown.id));
    expect(h.delivered.map((m) => m.id)).toEqual([live.id, whileDown.id]);
    // It came over REST: the stream had no subscriber when it was posted.
    expect(h.fx.streamed).toEqual([live.id]);
    expect(
      h.server.requests.filter((r) => r.operationId === 'getNotifications' && r.query.min_id).length,
    ).toBeGreaterThanOrEqual(1);
    expect(h.logs.join('\n')).toMatch(/Mastodon stream reconnected; backfilling over REST/);
  });
});
