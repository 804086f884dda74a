import { rulesOf } from '../../src/app/known-channels';
import { sendFollowUps } from '../../src/jobs/send-follow-ups';
import { ingestBatch } from '../../src/pipeline/ingest-batch';
import type { Db } from '../../src/store/create-db';
import { mention } from '../helpers/fixtures';
import { prompts, testDeps } from '../helpers/pipeline-deps';
import { tempDb } from '../helpers/temp-db';

const now = new Date('2026-11-19T10:00:00Z');

describe('follow-ups and ratings', () => {
  let db: Db;
  let close: () => Promise<void>;
  beforeEach(async () => ({ db, close } = await tempDb()));
  afterEach(() => close());
  const deps = () => ({ db, prompts, brandName: 'Lumora', channelRules: rulesOf });

  async function resolvedCase(channel: string, author = { id: `a-${channel}`, handle: 'kim', name: 'Kim Lee' }) {
    const [o] = await ingestBatch(testDeps(db), [
      mention({ channel, author, place: channel === 'discord' ? { guildId: 'g', channelId: 'c' } : undefined }),
    ]);
    await db.case.update({
      where: { id: o.caseId! },
      data: {
        status: 'resolved',
        resolvedAt: new Date('2026-11-18T12:00:00Z'),
        followUpDueAt: new Date('2026-11-19T09:00:00Z'),
      },
    });
    return o;
  }

  it('asks in private where the bot may write first (Discord), publicly where not (X), once', async () => {
    const d = await resolvedCase('discord');
    const x = await resolvedCase('x');
    expect((await sendFollowUps(deps(), now)).sort()).toEqual([d.caseId, x.caseId].sort());
    expect(await sendFollowUps(deps(), now)).toEqual([]);
    const discord = await db.outboundMessage.findUniqueOrThrow({ where: { idempotencyKey: `followup:${d.caseId}` } });
    const onX = await db.outboundMessage.findUniqueOrThrow({ where: { idempotencyKey: `followup:${x.caseId}` } });
    expect([discord.kind, onX.kind]).toEqual(['private_message', 'public_reply']);
    expect(JSON.parse(onX.target).inReplyTo.id).toBe(x.mention.id);
    expect(onX.text).toMatch(/Kim/);
    expect(onX.text).toMatch(/1 to 5|1 \(poor\) to 5/);
    expect((await db.case.findUniqueOrThrow({ where: { id: x.caseId! } })).followUpSentAt).toEqual(now);
  });

  it('is not sent before it is due, nor to someone who opted out', async () => {
    const o = await resolvedCase('x');
    expect(await sendFollowUps(deps(), new Date('2026-11-19T08:00:00Z'))).toEqual([]);
    await db.customer.updateMany({ data: { optedOutAt: now } });
    expect(await sendFollowUps(deps(), now)).toEqual([]);
    expect(await db.caseEvent.count({ where: { caseId: o.caseId!, type: 'follow_up_skipped' } })).toBe(1);
    expect(await db.outboundMessage.count({ where: { idempotencyKey: `followup:${o.caseId}` } })).toBe(0);
  });

  it("records the customer's answer as the rating and shows it in the thread", async () => {
    const author = { id: 'rater', handle: 'rater', name: 'Rae' };
    const o = await resolvedCase('x', author);
    await sendFollowUps(deps(), now);
    const pipeline = testDeps(db, { now: () => new Date('2026-11-19T11:00:00Z') });
    const [reply] = await ingestBatch(pipeline, [
      mention({ author, text: '@lumora 4/5, quick once someone picked it up' }),
    ]);
    expect(reply.decision).toMatchObject({ action: 'attach_to_case', attachToCaseId: o.caseId, rating: 4 });
    const c = await db.case.findUniqueOrThrow({ where: { id: o.caseId! } });
    expect(c).toMatchObject({ rating: 4, ratingComment: '@lumora 4/5, quick once someone picked it up' });
    expect(
      (await db.outboundMessage.findMany({ where: { kind: 'slack_thread', caseId: o.caseId! } })).at(-1)!.text,
    ).toMatch(/rated 4\/5/);
    expect(await db.case.count()).toBe(1);
  });

  it('a new complaint after the follow-up opens a new case instead of being taken as a rating', async () => {
    const author = { id: 'again', handle: 'again', name: 'Al' };
    await resolvedCase('x', author);
    await sendFollowUps(deps(), now);
    const [again] = await ingestBatch(testDeps(db), [
      mention({ author, text: '@lumora broken AGAIN, useless, never works!!' }),
    ]);
    expect(again.decision!.action).toBe('acknowledge');
    expect(await db.case.count()).toBe(2);
  });
});
