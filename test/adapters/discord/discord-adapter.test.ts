import { createLogger } from '../../../src/log/create-logger';
import {
  ALICE,
  BOB,
  BOT,
  BOT_ROLE,
  dmChannelOf,
  GENERAL,
  GUILD_ID,
  MODS_ROLE,
  OTHER_BOT,
  SUPPORT,
  THREAD,
} from '../../helpers/discord/discord-fixtures';
import { DiscordHarness, waitFor } from '../../helpers/discord/discord-harness';
import { describeWithDiscordContract } from '../../helpers/discord/skip-without-contract';

const COMPLAINT = 'my router never arrived and nobody answers. Unacceptable!';

describeWithDiscordContract('DiscordAdapter against a fake gateway and the contract-checked REST API', () => {
  let h: DiscordHarness;
  afterEach(async () => {
    try {
      expect(h.discord.rest.violations).toEqual([]);
    } finally {
      await h.close();
    }
  });

  describe('watching', () => {
    beforeEach(async () => (h = await DiscordHarness.start()));

    it('hands over a message that mentions the bot as a brand mention, with where it was posted', async () => {
      const posted = h.discord.post({ content: `<@${BOT.id}> ${COMPLAINT}` });
      await waitFor(() => h.handed.length === 1, 'the mention');
      expect(h.handed[0]).toEqual({
        channel: 'discord',
        id: posted.id,
        author: { id: ALICE.id, handle: 'alice_w', name: 'Alice Walker' },
        text: `@Lumora Care ${COMPLAINT}`,
        createdAt: new Date(posted.timestamp),
        mentionsBrand: true,
        url: `https://discord.com/channels/${GUILD_ID}/${SUPPORT}/${posted.id}`,
        place: { guildId: GUILD_ID, channelId: SUPPORT },
      });
    });

    it('counts a mention of the bot role and a reply to the bot as mentions; a keyword alone only alerts the team', async () => {
      const role = h.discord.post({ content: `<@&${BOT_ROLE}> ${COMPLAINT}`, author: BOB });
      const botPost = h.discord.post({ content: 'Thanks for reaching out!', author: BOT });
      const reply = h.discord.post({
        content: 'still waiting for my refund, this is terrible',
        replyTo: botPost,
        author: BOB,
      });
      const keyword = h.discord.post({
        content: 'Lumora support is useless, my router never arrived, awful',
        author: ALICE,
      });
      await waitFor(() => h.handed.length === 3, 'three mentions');
      expect(h.handed.map((m) => [m.id, m.mentionsBrand])).toEqual([
        [role.id, true],
        [reply.id, true],
        [keyword.id, false],
      ]);
      expect(h.handed[1].inReplyToId).toBe(botPost.id);
      expect(h.outcomes[2].decision?.action).toBe('alert');
      await h.drain();
      expect(
        h.discord.calls('create_message').filter((c) => c.body.message_reference?.message_id === keyword.id),
      ).toEqual([]);
    });

    it('watches threads under a watched channel; the reply goes into the thread', async () => {
      const posted = h.discord.post({ channelId: THREAD, content: `<@${BOT.id}> ${COMPLAINT}` });
      await waitFor(() => h.handed.length === 1, 'the thread mention');
      expect(h.handed[0].place).toEqual({ guildId: GUILD_ID, channelId: SUPPORT, threadId: THREAD });
      await h.drain();
      const [ack] = h.discord.botPosts(THREAD);
      expect(ack.message_reference).toMatchObject({ message_id: posted.id, channel_id: THREAD });
    });

    it('ignores unwatched channels, other bots, its own posts and mentions of other roles', async () => {
      h.discord.post({ channelId: GENERAL, content: `<@${BOT.id}> lumora ${COMPLAINT}` });
      h.discord.post({ author: OTHER_BOT, content: `<@${BOT.id}> lumora ${COMPLAINT}` });
      h.discord.post({ author: BOT, content: `lumora ${COMPLAINT}` });
      h.discord.post({ content: `<@&${MODS_ROLE}> ${COMPLAINT}` });
      const marker = h.discord.post({ content: `<@${BOT.id}> marker: ${COMPLAINT}`, author: BOB });
      // Messages are handed over in the order they arrive: once the marker is in, the others were judged.
      await waitFor(() => h.handed.length >= 1, 'the marker');
      expect(h.handed.map((m) => m.id)).toEqual([marker.id]);
    });

    it('keeps hostile text readable but inert: zero-width tricks removed, keywords still found', async () => {
      h.discord.post({
        content: `@everyone <@&${MODS_ROLE}> lu\u200bmora\u202e router never arrived, worst service ever`,
      });
      await waitFor(() => h.handed.length === 1, 'the hostile mention');
      expect(h.handed[0].mentionsBrand).toBe(false);
      expect(h.handed[0].text).toBe('@everyone @Moderators lumora router never arrived, worst service ever');
    });
  });

  describe('answering', () => {
    beforeEach(async () => (h = await DiscordHarness.start()));

    it('opens the DM itself, then replies in public saying so, pinging only the author', async () => {
      const posted = h.discord.post({ content: `<@${BOT.id}> ${COMPLAINT}` });
      await waitFor(() => h.outcomes.length === 1, 'the decision');
      expect(await h.drain()).toMatchObject({ sent: 3, failed: 0 });
      const posts = h.discord.rest.requests.filter((r) => r.method === 'POST').map((r) => r.path);
      expect(posts).toEqual([
        '/api/v10/users/@me/channels',
        `/api/v10/channels/${dmChannelOf(ALICE)}/messages`,
        `/api/v10/channels/${SUPPORT}/messages`,
      ]);
      const [dm, ack] = h.discord.calls('create_message').map((c) => c.body);
      expect(dm.allowed_mentions).toEqual({ parse: [] });
      expect(dm.content).toMatch(/^Hi Alice, .*#1/);
      expect(ack.allowed_mentions).toEqual({ parse: [], replied_user: true });
      expect(ack.message_reference).toEqual({
        message_id: posted.id,
        channel_id: SUPPORT,
        guild_id: GUILD_ID,
        fail_if_not_exists: true,
      });
      expect(ack.content).toMatch(/We've sent you a DM|Check your DMs/);
      expect(ack).toMatchObject({ enforce_nonce: true, nonce: expect.stringMatching(/^[0-9a-f]{25}$/) });
    });

    it('when the member has closed DMs, the public reply says how to reach the team instead', async () => {
      h.discord.closedDms.add(ALICE.id);
      h.discord.post({ content: `<@${BOT.id}> ${COMPLAINT}` });
      await waitFor(() => h.outcomes.length === 1, 'the decision');
      expect(await h.drain()).toMatchObject({ sent: 2, failed: 1 });
      const invite = await h.db.outboundMessage.findFirstOrThrow({ where: { kind: 'private_message' } });
      expect(invite).toMatchObject({ status: 'failed', error: expect.stringMatching(/^dm_closed: Discord 403 50007/) });
      const [ack] = h.discord.botPosts(SUPPORT);
      expect(ack.content).toMatch(/DMs seem closed|couldn't DM you/);
      expect(ack.content).toContain('@LumoraCare');
      expect(ack.content).not.toMatch(/sent you a DM|Check your DMs/);
      const stored = await h.db.outboundMessage.findFirstOrThrow({ where: { kind: 'public_reply' } });
      expect(stored.text).toBe(ack.content);
    });

    it('defuses any text it sends: no @everyone, @here or role ping can go out', async () => {
      const posted = h.discord.post({ content: 'hello' });
      await h.adapter.reply({
        idempotencyKey: 'reply:test:1',
        text: `As you wrote: "@everyone @here <@&${MODS_ROLE}> help"`,
        inReplyTo: { id: posted.id, authorId: ALICE.id, place: { guildId: GUILD_ID, channelId: SUPPORT } },
      });
      const [body] = h.discord.calls('create_message').map((c) => c.body);
      expect(body.content).toBe('As you wrote: "@\u200beveryone @\u200bhere @\u200brole help"');
      expect(body.allowed_mentions).toEqual({ parse: [], replied_user: true });
    });

    it('treats an edit as an update of the same mention, never as a second complaint', async () => {
      const posted = h.discord.post({ content: `<@${BOT.id}> ${COMPLAINT}` });
      await waitFor(() => h.outcomes.length === 1, 'the first version');
      await h.drain();
      h.discord.edit(posted, `<@${BOT.id}> ${COMPLAINT} Order 5512, three weeks now.`);
      await waitFor(() => h.outcomes.length === 2, 'the edit');
      expect(h.handed[1]).toMatchObject({
        id: posted.id,
        editedAt: expect.any(Date),
        text: expect.stringContaining('Order 5512'),
      });
      expect(h.outcomes[1]).toMatchObject({ status: 'edited', caseId: h.outcomes[0].caseId });
      await h.drain();
      expect(h.discord.botPosts(SUPPORT)).toHaveLength(1);
      expect(await h.db.mention.count()).toBe(1);
      expect((await h.db.mention.findFirstOrThrow()).text).toContain('Order 5512');
      expect(h.slack.sent.some((t) => t.includes('(edited)') && t.includes('Order 5512'))).toBe(true);
    });

    it("attaches the member's DM answer to their case and posts it into the case's Slack thread", async () => {
      h.discord.post({ content: `<@${BOT.id}> ${COMPLAINT}` });
      await waitFor(() => h.outcomes.length === 1, 'the complaint');
      await h.drain();
      const caseId = h.outcomes[0].caseId!;
      const dm = h.discord.post({ direct: true, content: 'My order number is 5512, it was due on Monday.' });
      await waitFor(() => h.outcomes.length === 2, 'the DM');
      expect(h.handed[1]).toMatchObject({
        id: dm.id,
        isPrivate: true,
        mentionsBrand: true,
        place: { channelId: dmChannelOf(ALICE) },
      });
      expect(h.outcomes[1]).toMatchObject({ caseId, decision: { action: 'attach_to_case' } });
      await h.drain();
      // The case's thread also hears that the acknowledgement went out; the DM's own line is the one with its mention.
      const thread = await h.db.outboundMessage.findFirstOrThrow({
        where: { kind: 'slack_thread', caseId, mentionId: { not: null } },
      });
      expect(thread.text).toContain('My order number is 5512');
      expect(thread.status).toBe('sent');
    });
  });

  describe('platform errors', () => {
    it('a per-route 429 holds back only its route: the DM waits for retry_after, the public reply goes at once', async () => {
      h = await DiscordHarness.start();
      h.discord.failNext('create_message', {
        status: 429,
        headers: { 'retry-after': '7', 'x-ratelimit-scope': 'user', 'x-ratelimit-bucket': 'dm-bucket' },
        body: { message: 'You are being rate limited.', retry_after: 7, global: false },
      });
      const posted = h.discord.post({ content: `<@${BOT.id}> ${COMPLAINT}` });
      await waitFor(() => h.outcomes.length === 1, 'the decision');
      const started = Date.now();
      expect(await h.drain()).toMatchObject({ sent: 2, retried: 1 }); // the Slack case and the reply went; the DM waits
      expect(Date.now() - started).toBeLessThan(3_000);
      const rows = await h.db.outboundMessage.findMany({ where: { channel: 'discord' }, orderBy: { id: 'asc' } });
      expect(rows.map((r) => [r.kind, r.status])).toEqual([
        ['private_message', 'pending'],
        ['public_reply', 'sent'],
      ]);
      expect(rows[0].notBefore.getTime() - Date.now()).toBeGreaterThan(5_000);
      expect(rows[0].error).not.toMatch(/^unconfirmed/);
      const [ack] = h.discord.botPosts(SUPPORT);
      expect(ack.message_reference?.message_id).toBe(posted.id);
      expect(ack.content).toMatch(/We've sent you a DM|Check your DMs/);
      expect(await h.drain(new Date(Date.now() + 8_000))).toMatchObject({ retried: 0, failed: 0 });
      expect(h.discord.botPosts(dmChannelOf(ALICE))).toHaveLength(1);
    });

    it('a global 429 (global: true) holds back every Discord send until it passes', async () => {
      h = await DiscordHarness.start();
      h.discord.failNext('create_dm', {
        status: 429,
        headers: { 'retry-after': '3', 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' },
        body: { message: 'You are being rate limited.', retry_after: 3, global: true },
      });
      h.discord.post({ content: `<@${BOT.id}> ${COMPLAINT}` });
      await waitFor(() => h.outcomes.length === 1, 'the decision');
      expect(await h.drain()).toMatchObject({ sent: 1, retried: 1 }); // only the Slack case went
      const rows = await h.db.outboundMessage.findMany({ where: { channel: 'discord' }, orderBy: { id: 'asc' } });
      expect(rows.map((r) => r.status)).toEqual(['pending', 'pending']);
      expect(h.discord.calls('create_message')).toHaveLength(0);
      await new Promise((r) => setTimeout(r, 3_100)); // the REST client remembers the global reset on the real clock
      expect(await h.drain(new Date(Date.now() + 4_000))).toMatchObject({ sent: 2 });
      expect(h.discord.botPosts(SUPPORT)).toHaveLength(1);
    });

    it('a missing permission fails the message for good, with a log line that says what to fix', async () => {
      const lines: string[] = [];
      h = await DiscordHarness.start(
        {},
        { logger: createLogger({ level: 'warn', destination: { write: (l: string) => void lines.push(l) } }) },
      );
      h.discord.failNext('create_message', {
        status: 403,
        body: { message: 'Cannot send messages to this user', code: 50007 },
      });
      h.discord.failNext('create_message', { status: 403, body: { message: 'Missing Permissions', code: 50013 } });
      h.discord.post({ content: `<@${BOT.id}> ${COMPLAINT}` });
      await waitFor(() => h.outcomes.length === 1, 'the decision');
      await h.drain();
      const ack = await h.db.outboundMessage.findFirstOrThrow({ where: { kind: 'public_reply' } });
      expect(ack).toMatchObject({ status: 'failed', attempts: 1, error: expect.stringContaining('50013') });
      expect(lines.join('\n')).toMatch(
        /Discord refused to post in channel 1180000000000000101: the bot is missing a permission there \(it needs View Channel, Send Messages, Send Messages in Threads and Read Message History\)/,
      );
    });

    it('after a 5xx whose message Discord did post, the retry finds it instead of posting twice', async () => {
      h = await DiscordHarness.start();
      h.discord.failNext('create_message', { status: 500, body: { message: '500: Internal Server Error', code: 0 } }); // the DM attempt
      h.discord.failNext(
        'create_message',
        { status: 502, body: { message: 'Bad Gateway', code: 0 } },
        { afterDoing: true },
      ); // the reply
      const posted = h.discord.post({ content: `<@${BOT.id}> ${COMPLAINT}` });
      await waitFor(() => h.outcomes.length === 1, 'the decision');
      const minutes = (n: number) => new Date(Date.now() + n * 60_000);
      await h.drain(); // the DM: 500 (unconfirmed); the reply does not wait for it: posted, but the answer was lost
      const pending = await h.db.outboundMessage.findFirstOrThrow({ where: { kind: 'public_reply' } });
      expect(pending).toMatchObject({ status: 'pending', error: expect.stringMatching(/^unconfirmed: /) });
      await h.drain(minutes(1)); // asks Discord first: finds its reply; the DM was not posted, so it goes now
      const acks = h.discord.botPosts(SUPPORT).filter((m) => m.message_reference?.message_id === posted.id);
      expect(acks).toHaveLength(1);
      expect(await h.db.outboundMessage.findFirstOrThrow({ where: { kind: 'public_reply' } })).toMatchObject({
        status: 'sent',
        externalId: acks[0].id,
      });
      expect(h.discord.botPosts(dmChannelOf(ALICE))).toHaveLength(1);
      expect(h.discord.calls('list_messages').some((c) => c.path.includes(SUPPORT))).toBe(true);
    });

    it('after a crash with replies unconfirmed, one read of the channel settles them all, none posted twice', async () => {
      h = await DiscordHarness.start();
      const posted = [];
      // Two members (a second complaint of the same member joins their case: no second reply).
      for (const author of [ALICE, BOB]) posted.push(h.discord.post({ content: `<@${BOT.id}> ${COMPLAINT}`, author }));
      await waitFor(() => h.outcomes.length === 2, 'two decisions');
      await h.drain();
      expect(h.discord.botPosts(SUPPORT)).toHaveLength(2);
      // As if the process died after Discord accepted each reply and before the database heard of it.
      await h.db.outboundMessage.updateMany({
        where: { kind: 'public_reply' },
        data: { status: 'pending', externalId: null, error: 'unconfirmed: the process stopped while sending' },
      });
      const before = h.discord.calls('list_messages').length;
      await h.drain(new Date(Date.now() + 60_000));
      const reads = h.discord.calls('list_messages').slice(before);
      expect(reads.filter((c) => c.path.includes(SUPPORT))).toHaveLength(1);
      expect(h.discord.botPosts(SUPPORT)).toHaveLength(2);
      const rows = await h.db.outboundMessage.findMany({ where: { kind: 'public_reply' }, orderBy: { id: 'asc' } });
      const replyTo = new Map(h.discord.botPosts(SUPPORT).map((m) => [m.id, m.message_reference?.message_id]));
      expect(rows.map((r) => r.status)).toEqual(['sent', 'sent']);
      expect(rows.map((r) => replyTo.get(r.externalId!)).sort()).toEqual(posted.map((p) => p.id).sort());
    });

    it('a DM whose answer was lost, checked after a refused check and after Discord forgot its nonce, is not sent twice', async () => {
      h = await DiscordHarness.start();
      h.discord.nonceMemoryMs = 0; // the check comes after Discord's nonce memory: a resend would be a second DM
      h.discord.failNext('create_message', { status: 500, body: { message: '500', code: 0 } }, { afterDoing: true });
      h.discord.post({ content: `<@${BOT.id}> ${COMPLAINT}` });
      await waitFor(() => h.outcomes.length === 1, 'the decision');
      await h.drain(); // the invitation went out, but its answer was lost
      const invite = () => h.db.outboundMessage.findFirstOrThrow({ where: { kind: 'private_message' } });
      expect(await invite()).toMatchObject({ status: 'pending', error: expect.stringMatching(/^unconfirmed: /) });
      // The member answers at length meanwhile: the invitation is far from the newest message.
      for (let i = 0; i < 120; i++)
        h.discord.post({ direct: true, content: `more details, part ${i}` }, { live: false });
      h.discord.failNext('list_messages', {
        status: 429,
        headers: { 'retry-after': '2', 'x-ratelimit-scope': 'user' },
        body: { message: 'You are being rate limited.', retry_after: 2, global: false },
      });
      const minutes = (n: number) => new Date(Date.now() + n * 60_000);
      await h.drain(minutes(1)); // the check is refused: the row stays unconfirmed
      expect(await invite()).toMatchObject({ status: 'pending', error: expect.stringMatching(/^unconfirmed: /) });
      await new Promise((r) => setTimeout(r, 2_100)); // the REST client waits out the bucket on the real clock
      await h.drain(minutes(2)); // the check reads back to the moment it was queued: found
      const dms = h.discord.botPosts(dmChannelOf(ALICE));
      expect(dms).toHaveLength(1);
      expect(await invite()).toMatchObject({ status: 'sent', externalId: dms[0].id });
    });
  });
});
