import { caseOutboxHooks } from '../../src/cases/record-message-outcome';
import { SendError } from '../../src/core/channel-adapter';
import type { OutboundRow } from '../../src/core/outbound';
import { textHash } from '../../src/core/text-hash';
import { silentLogger } from '../../src/log/create-logger';
import { applyFallback } from '../../src/outbox/apply-fallback';
import { OutboxSender } from '../../src/outbox/outbox-sender';
import type { OutboxTransport } from '../../src/outbox/outbox-transport';
import type { Db } from '../../src/store/create-db';
import { enqueueIntents } from '../../src/store/enqueue-intents';
import { tempDb } from '../helpers/temp-db';

const MAIN = "Sorry about this! We've sent you a DM.";
const FALLBACK = 'Sorry about this! Your DMs seem closed, please message @LumoraCare.';

async function queueInviteAndAck(db: Db) {
  await enqueueIntents(db, [
    {
      idempotencyKey: 'invite:discord:1',
      channel: 'discord',
      kind: 'private_message',
      purpose: 'invitation',
      text: 'Hi, tell us more here.',
      target: { recipient: { id: '9', handle: 'alice' } },
    },
    {
      idempotencyKey: 'ack:discord:1',
      channel: 'discord',
      kind: 'public_reply',
      purpose: 'acknowledgement',
      text: MAIN,
      target: {
        inReplyTo: { id: '1', authorId: '9' },
        fallback: { ifNotDelivered: 'invite:discord:1', text: FALLBACK },
      },
    },
  ]);
}

/**
 * A transport that fails private messages as told and records the replies it sends; `local` makes it a
 * batch-recording one (the replay log), whose rows are claimed, started and recorded in large batches.
 */
function transport(
  privateFailure: () => SendError | undefined,
  local = false,
): OutboxTransport & { replies: string[] } {
  const replies: string[] = [];
  return {
    replies,
    recordInBatches: local,
    async send(row: OutboundRow) {
      const failure = row.kind === 'private_message' ? privateFailure() : undefined;
      if (failure) throw failure;
      if (row.kind === 'public_reply') replies.push(row.text);
      return { externalId: `d-${row.id}` };
    },
  };
}

describe.each([
  ['one row at a time (a platform)', false],
  ['a batch at a time (a local transport)', true],
])('the acknowledgement that depends on the invitation, %s', (_label, local) => {
  let db: Db;
  let close: () => Promise<void>;
  beforeEach(async () => ({ db, close } = await tempDb()));
  afterEach(() => close());

  const sender = (t: OutboxTransport, now = new Date(), guard?: (row: OutboundRow) => Promise<string | undefined>) =>
    new OutboxSender({
      ...caseOutboxHooks,
      db,
      logger: silentLogger(),
      transports: { discord: t },
      now: () => now,
      guard,
    });

  it('keeps its wording when the invitation went out', async () => {
    await queueInviteAndAck(db);
    const t = transport(() => undefined, local);
    expect(await sender(t).drain()).toMatchObject({ sent: 2 });
    expect(t.replies).toEqual([MAIN]);
  });

  it('switches to the fallback when the member’s DMs are closed, and records the text it used', async () => {
    await queueInviteAndAck(db);
    const t = transport(() => new SendError('dm_closed', 'Discord 403 50007', false), local);
    expect(await sender(t).drain()).toMatchObject({ sent: 1, failed: 1 });
    expect(t.replies).toEqual([FALLBACK]);
    const ack = await db.outboundMessage.findUniqueOrThrow({ where: { idempotencyKey: 'ack:discord:1' } });
    expect(ack).toMatchObject({ status: 'sent', text: FALLBACK, textHash: textHash(FALLBACK) });
  });

  it('switches too when the invitation is held for a person', async () => {
    await queueInviteAndAck(db);
    const t = transport(() => undefined, local);
    await sender(t, new Date(), async (row) => (row.kind === 'private_message' ? 'budget reached' : undefined)).drain();
    expect(t.replies).toEqual([FALLBACK]);
  });

  it('does not wait for an invitation that is merely slow: the reply goes at once, the invitation later', async () => {
    await queueInviteAndAck(db);
    let limited = true;
    // Discord's per-route limit on opening the DM: the reply's route (its channel's messages) is free.
    const limit = () =>
      new SendError('rate_limited', '429 on POST /users/@me/channels', true, 30_000, undefined, 'route');
    const t = transport(() => (limited ? limit() : undefined), local);
    expect(await sender(t).drain()).toMatchObject({ sent: 1, retried: 1 });
    expect(t.replies).toEqual([MAIN]);
    const invite = await db.outboundMessage.findUniqueOrThrow({ where: { idempotencyKey: 'invite:discord:1' } });
    expect(invite).toMatchObject({ status: 'pending', attempts: 0 });
    limited = false;
    expect(await sender(t, new Date(Date.now() + 60_000)).drain()).toMatchObject({ sent: 1 });
    expect(t.replies).toEqual([MAIN]);
  });

  it('does not wait for an invitation left unconfirmed by a crash (after a 5xx) either', async () => {
    await queueInviteAndAck(db);
    const t = transport(() => new SendError('server', 'Discord 500', true), local);
    expect(await sender(t).drain()).toMatchObject({ sent: 1, retried: 1 });
    expect(t.replies).toEqual([MAIN]);
  });

  it('waits, unsent and unclaimed, while the invitation is not due yet (never tried)', async () => {
    await queueInviteAndAck(db);
    await db.outboundMessage.update({
      where: { idempotencyKey: 'invite:discord:1' },
      data: { notBefore: new Date(Date.now() + 3_600_000) },
    });
    const t = transport(() => undefined, local);
    expect(await sender(t).drain()).toMatchObject({ sent: 0 });
    expect(t.replies).toEqual([]);
    const ack = await db.outboundMessage.findUniqueOrThrow({ where: { idempotencyKey: 'ack:discord:1' } });
    expect(ack).toMatchObject({ status: 'pending', attempts: 0, claimedBy: null, text: MAIN });
  });

  it('waits only while the invitation has not had its first try', async () => {
    await queueInviteAndAck(db);
    const ack = await db.outboundMessage.findUniqueOrThrow({ where: { idempotencyKey: 'ack:discord:1' } });
    expect(await applyFallback(db, ack)).toEqual({ wait: expect.stringContaining('first try of invite:discord:1') });
  });

  it('sends rows without a fallback, or whose earlier message is unknown, as queued', async () => {
    await enqueueIntents(db, [
      {
        idempotencyKey: 'ack:x:1',
        channel: 'x',
        kind: 'public_reply',
        purpose: 'acknowledgement',
        text: 'plain',
        target: { inReplyTo: { id: '1', authorId: '2' } },
      },
      {
        idempotencyKey: 'ack:x:2',
        channel: 'x',
        kind: 'public_reply',
        purpose: 'acknowledgement',
        text: 'orphan',
        target: { fallback: { ifNotDelivered: 'invite:x:404', text: 'never used' } },
      },
    ]);
    for (const row of await db.outboundMessage.findMany()) {
      expect(await applyFallback(db, row)).toEqual({ send: row });
    }
  });
});
