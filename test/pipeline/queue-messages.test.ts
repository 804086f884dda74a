import { textHash } from '../../src/core/text-hash';
import { ingestBatch } from '../../src/pipeline/ingest-batch';
import type { Db } from '../../src/store/create-db';
import { mention } from '../helpers/fixtures';
import { testDeps } from '../helpers/pipeline-deps';
import { tempDb } from '../helpers/temp-db';

describe('queueMessages for a complaint', () => {
  let db: Db;
  let close: () => Promise<void>;
  beforeEach(async () => ({ db, close } = await tempDb()));
  afterEach(() => close());
  const deps = () =>
    testDeps(db, { pointerValues: (channel) => ({ handle: channel === 'discord' ? 'LumoraCare' : 'lumora' }) });

  it('on Discord: the DM invitation first, then the acknowledgement, which carries a DMs-closed wording', async () => {
    const m = mention({ channel: 'discord', id: '1500000000000000001', place: { guildId: '1', channelId: '2' } });
    const [outcome] = await ingestBatch(deps(), [m]);
    const rows = await db.outboundMessage.findMany({ where: { channel: 'discord' }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.kind, r.idempotencyKey])).toEqual([
      ['private_message', `invite:discord:${m.id}`],
      ['public_reply', `ack:discord:${m.id}`],
    ]);
    const target = JSON.parse(rows[1].target);
    expect(rows[1].text).toBe(outcome.acknowledgement);
    expect(rows[1].text).toMatch(/We've sent you a DM|Check your DMs/);
    expect(target.fallback.ifNotDelivered).toBe(`invite:discord:${m.id}`);
    expect(target.fallback.text).toMatch(/DMs seem closed|couldn't DM you/);
    expect(target.fallback.text).toContain('@LumoraCare');
    expect(target.fallback.text).not.toBe(rows[1].text);
    expect(target.inReplyTo).toEqual({ id: m.id, authorId: m.author.id, place: { guildId: '1', channelId: '2' } });
  });

  it('on X, where the bot may not open a DM, no invitation and so no fallback', async () => {
    await ingestBatch(deps(), [mention({ channel: 'x' })]);
    const rows = await db.outboundMessage.findMany({ where: { channel: 'x' } });
    expect(rows.map((r) => r.kind)).toEqual(['public_reply']);
    expect(JSON.parse(rows[0].target).fallback).toBeUndefined();
  });

  it('stores the hash of public replies, which the never-twice rule reads back, and none for the rest', async () => {
    await ingestBatch(deps(), [mention({ channel: 'discord', id: '1500000000000000002', place: { guildId: '1' } })]);
    const rows = await db.outboundMessage.findMany({ orderBy: { id: 'asc' } });
    expect(rows.some((r) => r.kind.startsWith('slack_'))).toBe(true);
    for (const r of rows) expect(r.textHash).toBe(r.kind === 'public_reply' ? textHash(r.text) : '');
  });
});
