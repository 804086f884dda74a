import { createLogger } from '../../../src/log/create-logger';
import { ALICE, BOB, BOT, dmChannelOf, SUPPORT } from '../../helpers/discord/discord-fixtures';
import { DiscordHarness, waitFor } from '../../helpers/discord/discord-harness';
import { describeWithDiscordContract } from '../../helpers/discord/skip-without-contract';

const complaint = (n: string) => `<@${BOT.id}> ${n}: my router never arrived and nobody answers. Unacceptable!`;
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

describeWithDiscordContract('Discord reconnects and catch-up', () => {
  let h: DiscordHarness;
  afterEach(async () => {
    try {
      expect(h.discord.rest.violations).toEqual([]);
    } finally {
      await h.close();
    }
  });

  it('resumes after a dropped connection and gets what was dispatched meanwhile, once', async () => {
    h = await DiscordHarness.start();
    h.discord.gateway.drop(4000);
    const whileAway = h.discord.post({ content: complaint('during the drop') });
    await waitFor(() => h.handed.length === 1, 'the replayed message');
    expect(h.discord.gateway.resumes).toHaveLength(1);
    expect(h.discord.gateway.identifies).toHaveLength(1);
    const after = h.discord.post({ content: complaint('after the resume'), author: BOB });
    await waitFor(() => h.handed.length === 2, 'a live message after the resume');
    expect(h.handed.map((m) => m.id)).toEqual([whileAway.id, after.id]);
  });

  it('identifies again when the session cannot be resumed, and fetches what it missed', async () => {
    h = await DiscordHarness.start();
    h.discord.gateway.invalidateSession();
    const missed = h.discord.post({ content: complaint('not replayed') }, { live: false });
    await waitFor(() => h.handed.length === 1, 'the missed message, by catch-up');
    expect(h.handed[0].id).toBe(missed.id);
    expect(h.discord.gateway.identifies).toHaveLength(2);
    expect(h.discord.calls('list_messages').filter((c) => c.path.includes(SUPPORT))).toHaveLength(2); // at each session
  });

  it('after a restart, answers what was posted while it was down, and never answers anything twice', async () => {
    h = await DiscordHarness.start();
    const before = h.discord.post({ content: complaint('before') });
    await waitFor(() => h.outcomes.length === 1, 'the first complaint');
    await h.drain();
    await h.adapter.stop();
    const during = h.discord.post({ content: complaint('while down'), author: BOB }, { live: false });
    await h.restart();
    expect(h.handed.map((m) => m.id)).toEqual([before.id, during.id]); // caught up before start() resolved
    await h.drain();
    await h.restart(); // and again: nothing new
    await h.drain();
    const replies = h.discord.botPosts(SUPPORT).map((m) => m.message_reference?.message_id);
    expect(replies.sort()).toEqual([before.id, during.id].sort());
    expect(h.handed).toHaveLength(2);
  });

  it('on a first start looks back only as far as the configured age', async () => {
    h = await DiscordHarness.start({ catchUpMaxAgeHours: 6 }, {});
    await h.adapter.stop();
    await h.db.cursor.deleteMany(); // as on a fresh install
    h.discord.post({ content: complaint('a day old'), at: hoursAgo(25) }, { live: false });
    const recent = h.discord.post(
      { content: complaint('two hours old'), author: BOB, at: hoursAgo(2) },
      { live: false },
    );
    await h.restart();
    expect(h.handed.map((m) => m.id)).toEqual([recent.id]);
  });

  it('pages through a busy channel, oldest first, handing over only what concerns the brand', async () => {
    h = await DiscordHarness.start();
    await h.adapter.stop();
    const wanted: string[] = [];
    for (let i = 0; i < 230; i++) {
      const m = h.discord.post(
        {
          content: i % 50 === 7 ? complaint(`number ${i}`) : `chatter ${i}`,
          author: i % 2 ? ALICE : BOB,
          at: hoursAgo(3 - i / 100),
        },
        { live: false },
      );
      if (i % 50 === 7) wanted.push(m.id);
    }
    await h.restart();
    expect(h.handed.map((m) => m.id)).toEqual(wanted);
    expect(h.discord.calls('list_messages').filter((c) => c.path.includes(SUPPORT)).length).toBeGreaterThanOrEqual(3);
    const cursor = await h.db.cursor.findUniqueOrThrow({ where: { source: `discord:${SUPPORT}` } });
    expect(cursor.position).toBe(h.discord.history.get(SUPPORT)!.at(-1)!.id);
  });

  it('a channel it could not read keeps its cursor, so the next session fetches what it missed', async () => {
    h = await DiscordHarness.start();
    await h.adapter.stop();
    const missed = h.discord.post({ content: complaint('while down') }, { live: false });
    h.discord.failNext('list_messages', { status: 403, body: { message: 'Missing Access', code: 50001 } });
    await h.restart(); // catch-up of #support fails
    const live = h.discord.post({ content: complaint('live, after the restart'), author: BOB });
    await waitFor(() => h.handed.some((m) => m.id === live.id), 'the live message');
    expect(h.handed.map((m) => m.id)).not.toContain(missed.id);
    await h.restart(); // #support can be read again: from the old cursor, so the live one comes again
    expect(h.handed.map((m) => m.id)).toEqual([live.id, missed.id, live.id]);
    expect(h.outcomes.map((o) => o.status)).toEqual(['new', 'new', 'duplicate']);
    expect((await h.db.cursor.findUniqueOrThrow({ where: { source: `discord:${SUPPORT}` } })).position).toBe(live.id);
  });

  it('fetches DM answers sent while it was down', async () => {
    h = await DiscordHarness.start();
    h.discord.post({ content: complaint('needs a DM') });
    await waitFor(() => h.outcomes.length === 1, 'the complaint');
    await h.drain(); // the invitation opens the DM channel and sets its cursor
    await h.adapter.stop();
    const answer = h.discord.post({ direct: true, content: 'Order 5512, due last Monday.' }, { live: false });
    await h.restart();
    // DM conversations are caught up just after the session opens, beside the live stream.
    await waitFor(() => h.outcomes.length === 2, 'the DM answer');
    expect(h.handed.at(-1)).toMatchObject({ id: answer.id, isPrivate: true, place: { channelId: dmChannelOf(ALICE) } });
    expect(h.outcomes.at(-1)).toMatchObject({ caseId: h.outcomes[0].caseId });
    const cursor = await h.db.cursor.findUniqueOrThrow({ where: { source: `discord:dm:${dmChannelOf(ALICE)}` } });
    expect(cursor.position).toBe(answer.id);
  });

  it('after a restart reads only the DM conversations that changed since their cursor', async () => {
    h = await DiscordHarness.start();
    h.discord.post({ content: complaint('alice needs a DM') });
    h.discord.post({ content: complaint('bob needs a DM'), author: BOB });
    await waitFor(() => h.outcomes.length === 2, 'both complaints');
    await h.drain(); // two invitations: two DM conversations with a cursor each
    await h.adapter.stop();
    const listed = (who: typeof ALICE) =>
      h.discord.calls('list_messages').filter((c) => c.path.includes(dmChannelOf(who))).length;
    const [alice, bob] = [listed(ALICE), listed(BOB)];
    const answer = h.discord.post({ direct: true, content: 'Order 5512, due last Monday.' }, { live: false });
    await h.restart();
    await waitFor(() => h.handed.some((m) => m.id === answer.id), "Alice's DM answer");
    await h.adapter.stop(); // nothing more to come from the catch-up
    expect(listed(ALICE)).toBeGreaterThan(alice);
    expect(listed(BOB)).toBe(bob); // Bob's conversation did not change: its messages are not read
    expect(h.discord.calls('get_channel').length).toBeGreaterThanOrEqual(2);
    await h.restart();
  });

  it('a catch-up cut off half-way (the pipeline dies on its second page) loses nothing: the rest comes from the cursor', async () => {
    h = await DiscordHarness.start();
    await h.adapter.stop();
    const wanted: string[] = [];
    for (let i = 0; i < 230; i++) {
      const m = h.discord.post(
        {
          content: i % 20 === 3 ? complaint(`number ${i}`) : `chatter ${i}`,
          author: i % 2 ? ALICE : BOB,
          at: hoursAgo(3 - i / 100),
        },
        { live: false },
      );
      if (i % 20 === 3) wanted.push(m.id);
    }
    let batches = 0;
    h.beforeBatch = () => {
      if (++batches === 2) throw new Error('killed while catching up');
    };
    await h.restart({ catchUpRetryMs: () => 50 });
    await waitFor(() => wanted.every((id) => h.handed.some((m) => m.id === id)), 'every complaint, after the cut');
    expect(h.handed.filter((m) => wanted.includes(m.id)).map((m) => m.id)).toEqual(wanted); // each once, in order
    expect(await h.db.mention.count({ where: { externalId: { in: wanted } } })).toBe(wanted.length);
    await waitFor(async () => {
      const cursor = await h.db.cursor.findUnique({ where: { source: `discord:${SUPPORT}` } });
      return cursor?.position === h.discord.history.get(SUPPORT)!.at(-1)!.id;
    }, 'the cursor at the newest message');
  });

  it('a catch-up Discord answered with 500 is tried again after a pause, while the gateway stays up', async () => {
    h = await DiscordHarness.start();
    await h.adapter.stop();
    const missed = h.discord.post({ content: complaint('posted during a gateway gap') }, { live: false });
    // discord.js retries a 5xx three times itself: four answers of 500 make the catch-up of #support fail.
    for (let i = 0; i < 4; i++)
      h.discord.failNext('list_messages', { status: 500, body: { message: '500: Internal Server Error', code: 0 } });
    const pauses: number[] = [];
    await h.restart({ catchUpRetryMs: (n) => (pauses.push(n), 50) });
    expect(h.handed.map((m) => m.id)).not.toContain(missed.id);
    await waitFor(() => h.handed.some((m) => m.id === missed.id), 'the missed message, by the retried catch-up');
    expect(pauses).toEqual([0]);
    expect(h.discord.gateway.identifies).toHaveLength(2); // the same session: no reconnect was needed
    await waitFor(async () => {
      const cursor = await h.db.cursor.findUnique({ where: { source: `discord:${SUPPORT}` } });
      return cursor?.position === missed.id;
    }, 'the cursor past the missed message');
  });

  it('a connection that gets no HELLO is given up after DISCORD_HELLO_TIMEOUT_SECONDS, the reason logged, then reconnected', async () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'warn', destination: { write: (l: string) => void lines.push(l) } });
    h = await DiscordHarness.start({ helloTimeoutMs: 400 }, { logger });
    h.discord.gateway.withholdHello = 1; // the next connection opens into a stall
    const started = Date.now();
    h.discord.gateway.drop(4000);
    const whileStalled = h.discord.post({ content: complaint('during the stall') });
    await waitFor(() => h.handed.some((m) => m.id === whileStalled.id), 'the message, after the reconnect');
    expect(Date.now() - started).toBeLessThan(4_000); // discord.js alone waits 60 s for HELLO
    expect(h.discord.gateway.connections).toBeGreaterThanOrEqual(3);
    expect(lines.join('\n')).toMatch(/Discord gateway sent no HELLO within 0.4 s of connecting.*reconnecting/);
  });

  it('when the gateway stays down, pauses longer and longer between attempts, then catches up', async () => {
    const pauses: number[] = [];
    h = await DiscordHarness.start({}, { pacing: { quickAttempts: 0, backoffMs: (n) => (pauses.push(n), 20) } });
    await h.discord.gateway.stop();
    const missed = h.discord.post({ content: complaint('during the outage') }, { live: false });
    await waitFor(() => pauses.length >= 2, 'two paused attempts');
    expect(pauses.slice(0, 2)).toEqual([0, 1]); // each failed attempt asks for the next, longer pause
    const attempts = h.discord.gateway.connections;
    await h.discord.gateway.start();
    await waitFor(() => h.handed.some((m) => m.id === missed.id), 'the message from the outage');
    expect(h.discord.gateway.connections).toBeGreaterThan(attempts);
    expect(h.discord.gateway.identifies).toHaveLength(2); // a network failure ends the session: a new one, caught up
  });

  it('stopped while it pauses between attempts, nothing goes on trying to connect', async () => {
    const pauses: number[] = [];
    h = await DiscordHarness.start({}, { pacing: { quickAttempts: 0, backoffMs: (n) => (pauses.push(n), 300) } });
    await h.discord.gateway.stop();
    await waitFor(() => pauses.length >= 1, 'a pause before an attempt');
    await h.adapter.stop(); // the shard is idle, waiting: @discordjs/ws alone would not notice the stop
    await h.discord.gateway.start();
    const connections = h.discord.gateway.connections;
    await new Promise((r) => setTimeout(r, 700)); // longer than the pause plus discord.js's reconnect delay
    expect(h.discord.gateway.connections).toBe(connections);
  });

  it('starts even when the gateway is down, and catches up once it is back', async () => {
    h = await DiscordHarness.start();
    await h.adapter.stop();
    await h.discord.gateway.stop();
    await h.restart({ connection: { connectTimeoutMs: 200 } }); // resolves: the rest of the bot runs on
    const missed = h.discord.post({ content: complaint('while the gateway was down') }, { live: false });
    await h.discord.gateway.start();
    await waitFor(() => h.handed.some((m) => m.id === missed.id), 'the catch-up once connected');
  });

  it('logs in again after a growing pause while Discord’s REST API fails at start-up', async () => {
    const pauses: number[] = [];
    h = await DiscordHarness.start();
    await h.adapter.stop();
    // discord.js retries a 5xx three times itself: eight failures make two logins fail.
    for (let i = 0; i < 8; i++)
      h.discord.failNext('get_bot_gateway', { status: 503, body: { message: 'Service Unavailable', code: 0 } });
    await h.restart({ connection: { backoffMs: (n) => (pauses.push(n), 20), connectTimeoutMs: 5_000 } });
    expect(pauses).toEqual([0, 1]);
    expect(h.discord.gateway.identifies).toHaveLength(2);
  });

  it('connects to DISCORD_GATEWAY_URL when it is set, whatever Discord announces', async () => {
    h = await DiscordHarness.start();
    await h.adapter.stop();
    h.discord.announcedGatewayUrl = 'ws://127.0.0.1:9'; // nothing listens there
    h.config.gatewayUrl = h.discord.gateway.url;
    await h.restart();
    expect(h.discord.gateway.identifies).toHaveLength(2);
  });

  it('refuses to run with a token Discord rejects, and says what to do', async () => {
    h = await DiscordHarness.start();
    await h.adapter.stop();
    h.discord.failNext('get_bot_gateway', { status: 401, body: { message: '401: Unauthorized', code: 0 } });
    await expect(h.restart()).rejects.toThrow(/reset it in the Developer Portal .*DISCORD_BOT_TOKEN/);
  });

  it('refuses to run without the Message Content intent, and says where to switch it on', async () => {
    h = await DiscordHarness.start();
    await h.adapter.stop();
    h.discord.gateway.refuseIdentify = 4014;
    await expect(h.restart()).rejects.toThrow(/Privileged Gateway Intents, MESSAGE CONTENT INTENT/);
  });
});
