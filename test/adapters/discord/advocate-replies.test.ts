import { addAdvocate } from '../../../src/cases/manage-advocates';
import { ALICE, BOB, BOT } from '../../helpers/discord/discord-fixtures';
import { DiscordHarness, waitFor } from '../../helpers/discord/discord-harness';
import { describeWithDiscordContract } from '../../helpers/discord/skip-without-contract';

describeWithDiscordContract(
  "a staff advocate's Discord replies (real discord.js, fake gateway, contract-checked REST)",
  () => {
    let h: DiscordHarness;
    beforeEach(async () => (h = await DiscordHarness.start()));
    afterEach(async () => {
      try {
        expect(h.discord.rest.violations).toEqual([]);
      } finally {
        await h.close();
      }
    });

    it('a DMed code verifies; a reply in the watched channel joins the case, is never answered; chatter on no case is dropped', async () => {
      const linked = await addAdvocate(h.db, {
        slackUserId: 'U0BOB00001',
        channel: 'discord',
        handle: 'bob.k',
        at: new Date(),
      });
      if (!linked.ok) throw new Error('not linked');
      h.discord.post({ content: `hi, my code ${linked.advocate.verificationCode}`, author: BOB, direct: true });
      await waitFor(async () => (await h.db.advocate.findFirst({}))?.verifiedAt, 'the verification');
      expect((await h.db.advocate.findFirstOrThrow({})).accountId).toBe(BOB.id);

      const complaint = h.discord.post({
        content: `<@${BOT.id}> my router never arrived and nobody answers. Unacceptable!`,
      });
      await waitFor(() => h.outcomes.find((o) => o.mention.id === complaint.id)?.caseId, 'the case');
      await h.drain();
      const repliesBefore = h.discord.calls('create_message').length;

      // Bob answers Alice's post without naming the bot or the brand: a plain Discord reply.
      const reply = h.discord.post({
        content: 'So sorry about this! Could you DM the care team so they can check it today?',
        author: BOB,
        replyTo: complaint,
      });
      const chatter = h.discord.post({ content: 'anyone watching the match tonight?', author: BOB });
      const aside = h.discord.post({ content: 'yes! 8pm', author: ALICE, replyTo: chatter });
      await waitFor(() => h.outcomes.find((o) => o.mention.id === aside.id), 'the aside');
      const outcome = h.outcomes.find((o) => o.mention.id === reply.id)!;
      expect(outcome.decision?.action).toBe('advocate_reply');
      const c = await h.db.case.findFirstOrThrow({});
      expect(outcome.caseId).toBe(c.id);
      expect(c).toMatchObject({ answeringHow: 'own_account', answeringSlackId: 'U0BOB00001' });
      expect(c.firstHumanReplyAt).toEqual(new Date(reply.timestamp));
      expect(h.outcomes.find((o) => o.mention.id === aside.id)?.status).toBe('unrelated_reply');
      expect(await h.db.mention.count({ where: { externalId: { in: [chatter.id, aside.id] } } })).toBe(0);
      await h.drain();
      expect(h.discord.calls('create_message')).toHaveLength(repliesBefore);
      const thread = await h.db.outboundMessage.findFirst({
        where: { kind: 'slack_thread', mentionId: outcome.mentionId },
      });
      expect(thread?.idempotencyKey).toBe(`slack:thread:${c.id}:advocate:${outcome.mentionId}`);
    });
  },
);
