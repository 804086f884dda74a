import { buildFacets } from '../../../adapters/bluesky/build-facets';
import { CHAT_CURSOR } from '../../../adapters/bluesky/poll-messages';
import { NOTIFICATIONS_CURSOR } from '../../../adapters/bluesky/poll-notifications';
import { readCursor } from '../../../src/store/cursor-position';
import { type BlueskyHarness, blueskyHarness } from '../../helpers/bluesky/bluesky-harness';

describe('Bluesky channel (real @atproto/api against a lexicon-checked fake)', () => {
  let h: BlueskyHarness;
  beforeEach(async () => {
    h = await blueskyHarness();
  });
  afterEach(async () => {
    expect(h.server.violations).toEqual([]);
    await h.close();
  });

  it('maps a mention with the author profile, replies in the thread with root and parent, and DMs the invitation', async () => {
    const maria = h.fx.account('maria.bsky.social', { displayName: 'Maria Kettle', allowIncoming: 'all' });
    const opener = h.fx.post(maria, 'new router day', 30);
    const post = h.fx.post(
      maria,
      `@lumora.bsky.social my router never arrived and nobody answers, this is terrible`,
      5,
      { replyTo: opener },
    );
    await h.poll();
    expect(h.delivered).toEqual([
      expect.objectContaining({
        channel: 'bluesky',
        id: post.uri,
        mentionsBrand: true,
        text: post.record.text,
        author: { id: maria.did, handle: 'maria.bsky.social', name: 'Maria Kettle' },
        url: `https://bsky.app/profile/maria.bsky.social/post/${post.uri.split('/').pop()}`,
        inReplyToId: opener.uri,
      }),
    ]);
    expect(await readCursor(h.db, NOTIFICATIONS_CURSOR)).toBe(`${post.indexedAt}|${post.uri}`);

    const drained = await h.sender.drain();
    expect(drained).toEqual({ sent: 3, retried: 0, failed: 0, held: 0 }); // the reply, the DM, the Slack case
    const [reply] = h.fx.brandPosts();
    expect(reply.record.reply).toEqual({
      root: { uri: opener.uri, cid: opener.cid },
      parent: { uri: post.uri, cid: post.cid },
    });
    expect(reply.record.text).toMatch(/DM/);
    const [dm] = h.fx.brandMessages();
    expect(dm.text).toMatch(/Lumora/);
    const chatCalls = h.server.requests.filter((r) => r.nsid.startsWith('chat.'));
    expect(chatCalls.length).toBeGreaterThan(0);
    expect(chatCalls.every((r) => r.proxy === 'did:web:api.bsky.chat#bsky_chat')).toBe(true);
  });

  it('gives facets to links and to the author only, never to another @handle', () => {
    const text = 'Hi @maria.bsky.social, see https://status.lumora.example and ask @other.bsky.social';
    const { facets } = buildFacets(text, { did: 'did:plc:maria', handle: 'maria.bsky.social' });
    const features = facets.flatMap((f) => f.features);
    expect(features).toEqual([
      { $type: 'app.bsky.richtext.facet#mention', did: 'did:plc:maria' },
      { $type: 'app.bsky.richtext.facet#link', uri: 'https://status.lumora.example' },
    ]);
  });

  it('does not DM a customer whose chat setting shuts the brand out: the public reply asks them to write instead', async () => {
    const ana = h.fx.account('ana.bsky.social', { allowIncoming: 'following', followsBrand: false });
    h.fx.post(ana, '@lumora.bsky.social my bill is wrong again and I am furious, charged twice', 3);
    await h.poll();
    const drained = await h.sender.drain();
    expect(drained).toMatchObject({ sent: 2, failed: 1 }); // the reply and the Slack case; the DM failed
    expect(h.fx.brandMessages()).toEqual([]);
    expect(h.server.requests.map((r) => r.nsid)).not.toContain('chat.bsky.convo.sendMessage');
    const [reply] = h.fx.brandPosts();
    expect(reply.record.text).toContain('@lumora.bsky.social');
    expect(reply.record.text).not.toMatch(/We've sent you a DM/);
    // The brand's own handle in the pointer is plain text: the brand mentions nobody but the author.
    expect(JSON.stringify(reply.record.facets ?? [])).not.toContain(h.fx.brand.did);
    const rows = await h.outbound();
    expect(rows.find((r) => r.kind === 'private_message')?.error).toMatch(/dm_closed.*people they follow/);
  });

  it("joins the customer's DM answer to their case as a private message", async () => {
    const maria = h.fx.account('maria.bsky.social', { allowIncoming: 'all' });
    h.fx.post(maria, '@lumora.bsky.social my order is late and support is useless', 3);
    await h.cycle();
    h.fx.message(maria, 'It is order 4411, still nothing', 0);
    await h.poll();
    const privateOne = h.delivered.find((m) => m.isPrivate);
    expect(privateOne).toMatchObject({
      channel: 'bluesky',
      author: { id: maria.did, handle: 'maria.bsky.social' },
      text: 'It is order 4411, still nothing',
    });
    const events = await h.db.caseEvent.findMany({ where: { type: 'customer_wrote_privately' } });
    expect(events).toHaveLength(1);
    expect(await readCursor(h.db, CHAT_CURSOR)).toBeDefined();
    h.delivered.length = 0;
    await h.poll();
    expect(h.delivered).toEqual([]); // the chat cursor moved: nothing twice
  });

  it('catches up after a restart: what came while down is read once, and nothing is answered twice', async () => {
    const people = Array.from({ length: 4 }, (_, i) =>
      h.fx.account(`person${i}.bsky.social`, { allowIncoming: 'none' }),
    );
    h.fx.post(people[0], '@lumora.bsky.social the app keeps crashing, useless', 60);
    await h.cycle();
    await h.adapter.stop();
    // 130 notifications while the bot was down: two pages of 100.
    const missed = Array.from({ length: 130 }, (_, i) =>
      h.fx.post(people[i % 4], `@lumora.bsky.social hello number ${i}`, 50 - i * 0.2),
    );
    const again = await blueskyHarness({ db: h.db, fx: h.fx, server: h.server });
    try {
      await again.cycle();
      expect(again.delivered.map((m) => m.id)).toEqual(missed.map((p) => p.uri));
      const pages = again.server.requests.filter((r) => r.nsid === 'app.bsky.notification.listNotifications');
      expect(pages.length).toBeGreaterThanOrEqual(2);
      again.delivered.length = 0;
      await again.cycle();
      expect(again.delivered).toEqual([]);
      const replies = h.fx.brandPosts().map((p) => p.record.reply!.parent.uri);
      expect(new Set(replies).size).toBe(replies.length);
    } finally {
      await again.adapter.stop();
    }
  });

  it('resolves an ambiguous reply (the post was made, the answer lost) by reading its own repository, without posting again', async () => {
    const maria = h.fx.account('maria.bsky.social', { allowIncoming: 'none' });
    h.fx.post(maria, '@lumora.bsky.social my internet is down for the third day, awful service', 2);
    await h.poll();
    h.fx.failNext(
      'com.atproto.repo.createRecord',
      { status: 502, body: { error: 'UpstreamFailure', message: 'bad gateway' } },
      { afterEffect: true },
    );
    await h.sender.drain();
    expect(h.fx.brandPosts()).toHaveLength(1);
    const ack = (await h.outbound()).find((r) => r.kind === 'public_reply')!;
    expect(ack.status).toBe('pending');
    h.time.advance(10 * 60_000);
    await h.sender.drain();
    expect(h.fx.brandPosts()).toHaveLength(1);
    const after = (await h.outbound()).find((r) => r.kind === 'public_reply')!;
    expect(after).toMatchObject({ status: 'sent', externalId: h.fx.brandPosts()[0].uri });
    expect(h.server.requests.map((r) => r.nsid)).toContain('com.atproto.repo.listRecords');
  });

  it('waits out used-up write points until RateLimit-Reset instead of posting into a 429', async () => {
    const maria = h.fx.account('maria.bsky.social', { allowIncoming: 'none' });
    h.fx.post(maria, '@lumora.bsky.social charged twice this month, terrible', 2);
    await h.poll();
    h.fx.writePoints = 2; // less than one post (3 points) left this hour
    h.fx.failNext('app.bsky.notification.listNotifications', {
      status: 429,
      body: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
      headers: {
        'ratelimit-limit': '3000',
        'ratelimit-remaining': '0',
        'ratelimit-reset': String(Math.ceil(h.time.now().getTime() / 1000) + 120),
      },
    });
    await h.poll();
    expect(h.time.waits.some((w) => w >= 119_000 && w <= 121_000)).toBe(true);
    expect(h.logs.join('\n')).toMatch(/Bluesky rate limit used up on app.bsky.notification.listNotifications; waiting/);

    await h.sender.drain(); // the 429 on createRecord records the reset
    const creates = () => h.server.requests.filter((r) => r.nsid === 'com.atproto.repo.createRecord').length;
    const tried = creates();
    expect(tried).toBe(1);
    const row = (await h.outbound()).find((r) => r.kind === 'public_reply')!;
    expect(row.status).toBe('pending');
    expect(row.notBefore.getTime()).toBeGreaterThanOrEqual(h.fx.writeResetMs - 1000);
    await h.sender.drain();
    expect(creates()).toBe(tried); // not due yet, and the window is known to be empty
    h.time.advance(3_600_000);
    await h.sender.drain();
    expect(h.fx.brandPosts()).toHaveLength(1);
  });

  it('refreshes an expired session by itself', async () => {
    const maria = h.fx.account('maria.bsky.social');
    await h.poll();
    h.fx.expireAccessTokens();
    h.fx.post(maria, '@lumora.bsky.social hello?', 0);
    await h.poll();
    expect(h.delivered).toHaveLength(1);
    expect(h.server.requests.map((r) => r.nsid)).toContain('com.atproto.server.refreshSession');
  });

  it('holds sends with one clear line when the app password is revoked', async () => {
    const maria = h.fx.account('maria.bsky.social', { allowIncoming: 'none' });
    h.fx.post(maria, '@lumora.bsky.social worst support ever, my account is locked', 2);
    await h.poll();
    h.fx.revokeAppPassword();
    h.fx.expireAccessTokens();
    const drained = await h.sender.drain();
    expect(drained.held).toBeGreaterThanOrEqual(1);
    expect(h.fx.brandPosts()).toEqual([]);
    const row = (await h.outbound()).find((r) => r.kind === 'public_reply')!;
    expect(row.status).toBe('held');
    expect(row.error).toMatch(/auth: .*create a new app password.*BLUESKY_APP_PASSWORD/);
    const log = h.logs.join('\n');
    expect(log).toMatch(/Bluesky login as lumora.bsky.social refused/);
    expect(log).not.toContain('abcd-efgh-ijkl-mnop');
  });

  it('listens for keywords through searchPosts as alerts only', async () => {
    await h.close();
    h = await blueskyHarness({ env: { BLUESKY_SEARCH_KEYWORDS: 'lumora router' } });
    const ben = h.fx.account('ben.bsky.social');
    const found = h.fx.post(ben, 'my lumora router died again, awful and useless', 5);
    const cy = h.fx.account('cy.bsky.social');
    h.fx.post(cy, '@lumora.bsky.social lumora router broken', 4); // a mention: the notifications read it
    await h.cycle();
    const fromSearch = h.delivered.filter((m) => !m.mentionsBrand);
    expect(fromSearch.map((m) => m.id)).toEqual([found.uri]);
    const rows = await h.outbound();
    expect(rows.filter((r) => r.channel === 'bluesky' && r.target.includes(found.uri))).toEqual([]);
    expect(rows.some((r) => r.kind === 'slack_alert')).toBe(true);
  });
});
