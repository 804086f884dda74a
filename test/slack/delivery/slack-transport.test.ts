import { caseUpdateIntent } from '../../../src/cases/case-intents';
import { caseOutboxHooks } from '../../../src/cases/record-message-outcome';
import { silentLogger } from '../../../src/log/create-logger';
import { OutboxSender } from '../../../src/outbox/outbox-sender';
import { markerFor } from '../../../src/slack/delivery/find-marked-message';
import { PostPacer } from '../../../src/slack/delivery/pace-posts';
import { CaseAction } from '../../../src/slack/slack-ids';
import { enqueueIntents } from '../../../src/store/enqueue-intents';
import { mention } from '../../helpers/fixtures';
import { ALICE, click } from '../../helpers/slack/desk-clicks';
import {
  type DeskHarness,
  recordingChannel,
  startDeskHarness,
  TEAM_CHANNEL,
  waitFor,
} from '../../helpers/slack/desk-harness';
import { closeAndCheck, slackSuite } from '../../helpers/slack/with-contract';

const { contract, describe: describeSlack } = slackSuite('the Slack transport tests');

describeSlack('the Slack outbox transport', () => {
  let h: DeskHarness;
  const start = async (env: Record<string, string> = {}) => (h = await startDeskHarness(contract, env));
  afterEach(() => closeAndCheck(h));
  const caseRow = (caseId: number) =>
    h.app.db.outboundMessage.findUniqueOrThrow({ where: { idempotencyKey: `slack:case:${caseId}` } });
  const teamPosts = () => h.fake.callsTo('chat.postMessage').filter((c) => c.params.channel === TEAM_CHANNEL);
  /** The case number a post is the card of (its header block), or undefined for a thread note or summary. */
  const cardOf = (blocks: unknown) => {
    const list = (typeof blocks === 'string' ? JSON.parse(blocks) : blocks) as
      | Array<{ type: string; text?: { text?: string } }>
      | undefined;
    return list?.find((b) => b.type === 'header')?.text?.text?.match(/^Case #(\d+) ·/)?.[1];
  };
  /** The cases a message shows: its card's header, or each case's section when cases share a message. */
  const casesIn = (blocks: unknown): number[] => {
    const list = (typeof blocks === 'string' ? JSON.parse(blocks) : (blocks ?? [])) as Array<{
      type: string;
      text?: { text?: string };
    }>;
    const card = cardOf(list);
    if (card) return [Number(card)];
    return list.flatMap((b) => {
      const n = b.type === 'section' ? b.text?.text?.match(/^\*Case #(\d+)\*/)?.[1] : undefined;
      return n ? [Number(n)] : [];
    });
  };
  /** The case cards posted (refused calls included), by case number, in the order they were posted. */
  const cardPosts = () => teamPosts().flatMap((c) => cardOf(c.params.blocks) ?? []);
  /**
   * Channels are drained side by side, so a case card may be posted before its X acknowledgement went
   * out; the card is then updated (chat.update). What counts is how it ends up: showing the sent ack.
   */
  const expectCardShowsAck = async (caseId: number) => {
    const { slackTs } = await h.app.db.case.findUniqueOrThrow({ where: { id: caseId } });
    const card = h.fake.workspace.messages.find((m) => m.channel === TEAM_CHANNEL && m.ts === slackTs)!;
    expect(JSON.stringify(card.blocks)).toContain('*Public acknowledgement*: sent');
  };

  it('honours 429 Retry-After: the Slack channel waits, nothing is lost, the wait uses no attempts, order is kept', async () => {
    await start();
    const [first] = await h.ingest([mention()]);
    let clock = Date.now() + 10;
    const sender = new OutboxSender({
      ...caseOutboxHooks,
      db: h.app.db,
      transports: { slack: h.desk.transport, x: recordingChannel('x') },
      logger: silentLogger(),
      now: () => new Date(clock),
      maxAttempts: 1,
    });
    h.fake.fail('chat.postMessage', { retryAfter: 7 });
    expect((await sender.drain()).retried).toBe(1);
    const waiting = await caseRow(first.caseId!);
    expect(waiting).toMatchObject({ status: 'pending', attempts: 0 });
    expect(waiting.notBefore.getTime()).toBe(clock + 7000);

    const [second] = await h.ingest([mention()]);
    clock = Date.now() + 1000;
    const due = clock + 6000;
    await sender.drain();
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1); // only the refused call: the channel is paused

    clock = Math.max(due, waiting.notBefore.getTime()) + 1;
    await sender.drain();
    // The refused call, then each card once, in the order they were queued (an ack note may come between).
    expect(cardPosts()).toEqual([first.caseId, first.caseId, second.caseId].map(String));
    await expectCardShowsAck(first.caseId!);
    await expectCardShowsAck(second.caseId!);
    expect(await caseRow(first.caseId!)).toMatchObject({ status: 'sent', attempts: 1 });
    const secondCard = h.fake.workspace.messages.find((m) => cardOf(m.blocks) === String(second.caseId))!;
    expect((await h.app.db.case.findUniqueOrThrow({ where: { id: second.caseId! } })).slackTs).toBe(secondCard.ts);
  });

  it('keeps posts to one channel about a second apart (1.1 s by default), and updates on a slot of their own', async () => {
    let now = 0;
    const inner = new PostPacer(1100, {
      now: () => now,
      sleep: async (ms) => {
        now += ms;
      },
    });
    // When each slot was granted, by key: the channel's posts, and chat.update (its own method tier).
    const granted: Array<{ key: string; at: number }> = [];
    const pacer = {
      async wait(key: string) {
        await inner.wait(key);
        granted.push({ key, at: now });
      },
    };
    h = await startDeskHarness(contract, {}, { pacer });
    const outcomes = await h.ingest([mention(), mention(), mention()]);
    await h.drainAll();
    // Three cards, each once; a card posted before its X ack went out is updated when the ack is recorded.
    expect([...cardPosts()].sort()).toEqual(outcomes.map((o) => String(o.caseId)).sort());
    for (const o of outcomes) await expectCardShowsAck(o.caseId!);
    const at = (key: string) => granted.filter((g) => g.key === key).map((g) => g.at);
    const gaps = (xs: number[]) => xs.slice(1).map((x, i) => x - xs[i]);
    const posts = teamPosts();
    const updates = h.fake.callsTo('chat.update');
    // Every post waited for its slot (none skipped), each 1.1 s after the one before; the same for updates.
    expect(at(TEAM_CHANNEL)).toHaveLength(posts.length);
    expect(gaps(at(TEAM_CHANNEL)).every((g) => g >= 1100)).toBe(true);
    expect(at('chat.update')).toHaveLength(updates.length);
    expect(gaps(at('chat.update')).every((g) => g >= 1100)).toBe(true);
    expect(granted).toHaveLength(posts.length + updates.length);
  });

  it('a thread message waits for its case message without using up attempts, then goes into its thread', async () => {
    await start();
    const [opened] = await h.ingest([mention({ author: { id: 'u-w' } })]);
    await h.app.db.outboundMessage.update({
      where: { idempotencyKey: `slack:case:${opened.caseId}` },
      data: { status: 'held' },
    });
    await h.ingest([mention({ author: { id: 'u-w' }, text: '@lumora still nothing, day three' })]);
    const sender = new OutboxSender({
      ...caseOutboxHooks,
      db: h.app.db,
      transports: { slack: h.desk.transport, x: recordingChannel('x') },
      logger: silentLogger(),
      maxAttempts: 2,
    });
    for (let i = 0; i < 4; i++) await sender.drain();
    const thread = await h.app.db.outboundMessage.findFirstOrThrow({
      where: { kind: 'slack_thread', caseId: opened.caseId },
    });
    expect(thread).toMatchObject({ status: 'pending', attempts: 0 });
    expect(thread.error).toContain(`waiting for the top message of case ${opened.caseId}`);

    await h.app.db.outboundMessage.update({
      where: { idempotencyKey: `slack:case:${opened.caseId}` },
      data: { status: 'pending' },
    });
    for (let i = 0; i < 3; i++) await sender.drain();
    const [top, reply] = h.fake.workspace.messages;
    expect(JSON.stringify(top.blocks)).toContain(`Case #${opened.caseId}`);
    expect(reply.thread_ts).toBe(top.ts);
    expect(reply.text).toContain('still nothing, day three');
    expect(reply.text).toContain('wrote again on X');
  });

  it('a thread message whose case message failed for good fails too, with the reason, instead of waiting forever', async () => {
    await start();
    const [opened] = await h.ingest([mention({ author: { id: 'u-f' } })]);
    h.fake.fail('chat.postMessage', { error: 'channel_not_found' });
    await h.drainAll();
    expect((await caseRow(opened.caseId!)).status).toBe('failed');
    await h.ingest([mention({ author: { id: 'u-f' }, text: '@lumora hello?' })]);
    await h.drainAll();
    const thread = await h.app.db.outboundMessage.findFirstOrThrow({
      where: { kind: 'slack_thread', caseId: opened.caseId },
    });
    expect(thread.status).toBe('failed');
    expect(thread.error).toContain('could not be posted');
  });

  it('groups a burst of new cases: one summary in the channel, the cases in its thread, later events there too', async () => {
    // One message per case here (SLACK_BURST_CASES_PER_POST=1); cases posted together are tested below.
    await start({ SLACK_BURST_CASES: '3', SLACK_BURST_CASES_PER_POST: '1' });
    const crisis = (n: number) => mention({ text: `@lumora outage again, internet down ${n}. Unacceptable!` });
    const outcomes = await h.ingest([1, 2, 3].map(crisis));
    await h.sender.drain(); // the summary is queued behind these cases; a later case arrives meanwhile
    outcomes.push(...(await h.ingest([crisis(4)])));
    await h.drainAll();
    const top = h.fake.workspace.topLevel(TEAM_CHANNEL);
    expect(top).toHaveLength(1);
    expect(top[0].text).toContain('4 new cases at once');
    // The cards in the summary's thread, each once and in order (ack notes for early cards among them).
    const threaded = h.fake.workspace.thread(TEAM_CHANNEL, top[0].ts).filter((m) => cardOf(m.blocks));
    expect(threaded.map((m) => cardOf(m.blocks))).toEqual(outcomes.map((o) => String(o.caseId)));
    for (const o of outcomes) {
      await expectCardShowsAck(o.caseId!);
      const stored = await h.app.db.case.findUniqueOrThrow({ where: { id: o.caseId! } });
      const message = threaded.find((m) => m.ts === stored.slackTs)!;
      expect(JSON.stringify(message.blocks)).toContain(`Case #${o.caseId}`);
      expect((await caseRow(o.caseId!)).externalId).toBe(`${TEAM_CHANNEL}/${stored.slackTs}/${top[0].ts}`);
    }
    await h.ingest([mention({ author: outcomes[2].mention.author, text: '@lumora any news?' })]);
    await h.drainAll();
    const last = h.fake.workspace.messages.at(-1)!;
    expect(last.thread_ts).toBe(top[0].ts);
    expect(last.text).toContain(`*Case #${outcomes[2].caseId}* ·`);
    expect(h.fake.workspace.topLevel(TEAM_CHANNEL)).toHaveLength(1);
  });

  it('bounds a burst: a summary gathers at most SLACK_BURST_MAX_CASES cases, then a new one starts', async () => {
    await start({ SLACK_BURST_CASES: '3', SLACK_BURST_MAX_CASES: '3' });
    const crisis = (n: number) => mention({ text: `@lumora outage again, internet down ${n}. Unacceptable!` });
    await h.ingest([1, 2, 3].map(crisis));
    await h.drainAll();
    // Five at once: the open summary has no room left, so they start the next one (and fill it to 3).
    await h.ingest([4, 5, 6, 7, 8].map(crisis));
    await h.drainAll();
    const top = h.fake.workspace.topLevel(TEAM_CHANNEL);
    expect(top.map((m) => m.text.match(/^(\d+) new cases/)?.[1])).toEqual(['3', '5', '2']);
    const perSummary = top.map((summary) =>
      h.fake.workspace.thread(TEAM_CHANNEL, summary.ts).flatMap((m) => casesIn(m.blocks)),
    );
    expect(perSummary.map((ids) => ids.length)).toEqual([3, 3, 2]);
    expect(perSummary.flat().sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('posts cases waiting together in a burst as one thread message each few, every case once, with its own marker', async () => {
    await start({ SLACK_BURST_CASES: '3', SLACK_BURST_CASES_PER_POST: '4' });
    const crisis = (n: number) => mention({ text: `@lumora outage again, internet down ${n}. Unacceptable!` });
    const outcomes = await h.ingest([1, 2, 3, 4, 5, 6, 7].map(crisis));
    await h.drainAll();
    const [summary, ...others] = h.fake.workspace.topLevel(TEAM_CHANNEL);
    expect(others).toHaveLength(0);
    const posts = h.fake.workspace.thread(TEAM_CHANNEL, summary.ts).filter((m) => casesIn(m.blocks).length);
    // Fewer posts than cases, none over the setting, and each case in exactly one of them.
    expect(posts.length).toBeLessThan(outcomes.length);
    expect(Math.max(...posts.map((m) => casesIn(m.blocks).length))).toBeLessThanOrEqual(4);
    const ids = outcomes.map((o) => o.caseId!);
    expect(posts.flatMap((m) => casesIn(m.blocks)).sort((a, b) => a - b)).toEqual(ids);
    for (const id of ids) {
      const row = await caseRow(id);
      const post = posts.find((m) => casesIn(m.blocks).includes(id))!;
      expect(JSON.stringify(post.blocks)).toContain(`"block_id":"${markerFor(row.idempotencyKey)}"`);
      expect(row.externalId).toBe(`${TEAM_CHANNEL}/${post.ts}/${summary.ts}`);
      expect((await h.app.db.case.findUniqueOrThrow({ where: { id } })).slackTs).toBe(post.ts);
      // Its own buttons (by case id) and what the bot sent the customer, after the acknowledgement's update.
      expect(JSON.stringify(post.blocks)).toContain(`"block_id":"case_actions_${id}"`);
    }
    expect(posts.map((m) => JSON.stringify(m.blocks)).join()).not.toContain('*Public acknowledgement*: queued');
  });

  it('an update to one case of a shared message re-renders the whole message: the other cases stay', async () => {
    await start({ SLACK_BURST_CASES: '3', SLACK_BURST_CASES_PER_POST: '4' });
    h.fake.workspace.members = [ALICE];
    const crisis = (n: number) => mention({ text: `@lumora outage again, internet down ${n}. Unacceptable!` });
    const outcomes = await h.ingest([1, 2, 3].map(crisis));
    await h.drainAll();
    const ids = outcomes.map((o) => o.caseId!);
    const { slackTs } = await h.app.db.case.findUniqueOrThrow({ where: { id: ids[1] } });
    const shared = () => h.fake.workspace.messages.find((m) => m.channel === TEAM_CHANNEL && m.ts === slackTs)!;
    expect(casesIn(shared().blocks)).toEqual(ids);
    await click(h, ALICE, CaseAction.Claim, ids[1], slackTs!);
    await waitFor('the claim', async () => (await h.app.db.case.findUnique({ where: { id: ids[1] } }))?.ownerSlackId);
    await h.drainAll();
    expect(h.fake.callsTo('chat.update').some((c) => c.params.ts === slackTs)).toBe(true);
    expect(casesIn(shared().blocks)).toEqual(ids);
    const buttons = (id: number) => JSON.stringify(shared().blocks?.find((b) => b.block_id === `case_actions_${id}`));
    expect(buttons(ids[1])).not.toContain(CaseAction.Claim);
    expect(buttons(ids[0])).toContain(CaseAction.Claim);
    expect(JSON.stringify(shared().blocks)).toContain(`<@${ALICE}>`);
  });

  it('updates waiting together for one shared message are one chat.update, and none when nothing changed', async () => {
    await start({ SLACK_BURST_CASES: '3', SLACK_BURST_CASES_PER_POST: '4' });
    const crisis = (n: number) => mention({ text: `@lumora outage again, internet down ${n}. Unacceptable!` });
    const ids = (await h.ingest([1, 2, 3].map(crisis))).map((o) => o.caseId!);
    await h.drainAll();
    const { slackTs } = await h.app.db.case.findUniqueOrThrow({ where: { id: ids[0] } });
    const before = h.fake.callsTo('chat.update').length;
    const queueUpdates = (tag: string) =>
      enqueueIntents(
        h.app.db,
        [...ids, ids[0]].map((id, i) => caseUpdateIntent(id, `${tag}:${i}`)),
        new Date(),
      );
    // Nothing changed: the message already shows it, so no call at all (the rows are still done).
    await queueUpdates('same');
    await h.drainAll();
    expect(h.fake.callsTo('chat.update').length).toBe(before);
    // Someone took a case: four updates (two for one case) queued before the next drain, one call.
    await h.app.db.case.update({ where: { id: ids[1] }, data: { ownerSlackId: 'U0ALICE001', status: 'claimed' } });
    await enqueueIntents(
      h.app.db,
      [...ids, ids[0]].map((id, i) => caseUpdateIntent(id, `test:${i}`)),
      new Date(),
    );
    await h.drainAll();
    const calls = h.fake.callsTo('chat.update').slice(before);
    expect(calls.map((c) => c.params.ts)).toEqual([slackTs]);
    const rows = await h.app.db.outboundMessage.findMany({
      where: { idempotencyKey: { startsWith: 'slack:update:' } },
    });
    expect(rows.filter((r) => r.idempotencyKey.includes(':test:')).map((r) => r.status)).toEqual(Array(4).fill('sent'));
    expect(rows.filter((r) => r.idempotencyKey.includes(':same:')).map((r) => r.status)).toEqual(Array(4).fill('sent'));
    const shown = h.fake.workspace.messages.find((m) => m.channel === TEAM_CHANNEL && m.ts === slackTs)!;
    expect(JSON.stringify(shown.blocks)).toContain('<@U0ALICE001>');
  });

  it('after a crash between posting cases together and recording them, finds each by its marker and posts none twice', async () => {
    await start({ SLACK_BURST_CASES: '3', SLACK_BURST_CASES_PER_POST: '4' });
    const crisis = (n: number) => mention({ text: `@lumora outage again, internet down ${n}. Unacceptable!` });
    await h.ingest([1, 2, 3].map(crisis));
    await h.drainAll();
    const later = await h.ingest([4, 5, 6].map(crisis)); // they join the open summary's thread
    const rows = await Promise.all(later.map((o) => caseRow(o.caseId!)));
    // Slack accepted the shared message; the process died before recording any of it.
    const outcomes = await h.desk.transport.sendTogether!(rows, async (picked) => picked);
    expect(outcomes).toHaveLength(3);
    await h.app.db.outboundMessage.updateMany({
      where: { id: { in: rows.map((r) => r.id) } },
      data: { status: 'sending', updatedAt: new Date(Date.now() - 600_000) },
    });
    expect(await h.sender.recoverInterrupted()).toBe(3);
    const reads = () => h.fake.callsTo('conversations.history').length + h.fake.callsTo('conversations.replies').length;
    const readsBefore = reads();
    await h.drainAll();
    // One check for the three: the channel read once, the summary's thread once (not one search per case).
    expect(reads() - readsBefore).toBe(2);
    const all = h.fake.workspace.messages.filter((m) => m.channel === TEAM_CHANNEL).flatMap((m) => casesIn(m.blocks));
    for (const o of later) {
      expect(all.filter((id) => id === o.caseId)).toHaveLength(1);
      const row = await caseRow(o.caseId!);
      expect(row.status).toBe('sent');
      expect(row.externalId).toBe((outcomes[0] as { result: { externalId: string } }).result.externalId);
    }
  });

  it('after a crash between posting and recording, asks Slack (by the message marker) and never posts twice', async () => {
    await start();
    const [o] = await h.ingest([mention()]);
    const row = await caseRow(o.caseId!);
    const posted = await h.desk.transport.send(row); // Slack accepted it; then the process died before recording
    await h.app.db.outboundMessage.update({
      where: { id: row.id },
      data: { status: 'sending', updatedAt: new Date(Date.now() - 600_000) },
    });
    expect(await h.sender.recoverInterrupted()).toBe(1);
    await h.drainAll();
    // One case message; the acknowledgement sent after it is told in its thread.
    expect(teamPosts().filter((p) => !p.params.thread_ts)).toHaveLength(1);
    expect((await caseRow(o.caseId!)).externalId).toBe(posted.externalId);
    expect((await h.app.db.case.findUniqueOrThrow({ where: { id: o.caseId! } })).slackTs).toBe(
      posted.externalId.split('/')[1],
    );
    expect(h.fake.callsTo('conversations.history')[0].params).toMatchObject({ channel: TEAM_CHANNEL });
    expect(JSON.stringify(h.fake.workspace.messages[0].blocks)).toContain(markerFor(row.idempotencyKey));
  });

  it('after a crash before Slack got the message, finds nothing and posts it once', async () => {
    await start();
    const [o] = await h.ingest([mention()]);
    await h.app.db.outboundMessage.update({
      where: { idempotencyKey: `slack:case:${o.caseId}` },
      data: { status: 'sending', updatedAt: new Date(Date.now() - 600_000) },
    });
    await h.sender.recoverInterrupted();
    await h.drainAll();
    expect(h.fake.callsTo('conversations.history')).toHaveLength(1);
    expect(teamPosts()).toHaveLength(1);
    expect((await caseRow(o.caseId!)).status).toBe('sent');
  });

  it('posts a keyword alert the bot may not answer, escaped, with a button to make a case of it', async () => {
    await start();
    await h.ingest([
      mention({ mentionsBrand: false, text: 'lumora <!here> my order never arrived, nobody answers, unacceptable' }),
    ]);
    await h.drainAll();
    const alert = teamPosts()[0];
    const shown = JSON.stringify(alert.params.blocks);
    expect(shown).toContain('Keyword mention');
    expect(shown).toContain('&lt;!here&gt;');
    expect(shown).toContain('"action_id":"alert_open_case"');
  });
});
