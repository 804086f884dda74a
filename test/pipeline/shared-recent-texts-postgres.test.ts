import { composeAcknowledgement } from '../../src/compose/compose-acknowledgement';
import { greetingName } from '../../src/compose/greeting-name';
import { RecentTexts } from '../../src/compose/recent-texts';
import { textHash } from '../../src/core/text-hash';
import { ingestBatch } from '../../src/pipeline/ingest-batch';
import { loadRecentReplyHashes } from '../../src/store/recent-reply-hashes';
import { shareRecentTexts } from '../../src/store/share-recent-texts';
import { mention } from '../helpers/fixtures';
import { prompts, testDeps } from '../helpers/pipeline-deps';
import { postgresSuite } from '../helpers/postgres-suite';

const pg = postgresSuite('shared recent texts on PostgreSQL');

pg.describe('the never-twice rule across instances on PostgreSQL', () => {
  it('an instance learns the texts another one queued before composing, and will not write them', async () => {
    const db = pg.db();
    const mine = new RecentTexts(30 * 86_400_000);
    const theirs = new RecentTexts(30 * 86_400_000);
    const [outcome] = await ingestBatch(testDeps(db, { recent: theirs }), [
      mention({ channel: 'x', text: '@lumora my router never arrived, nobody answers' }),
    ]);
    const sent = outcome.acknowledgement!;
    expect(mine.has(textHash(sent))).toBe(false);

    const share = shareRecentTexts(db, mine, { since: 0, everyMs: 0 });
    await ingestBatch(testDeps(db, { recent: mine, beforeBatch: share }), [mention({ text: '@lumora thanks!' })]);
    expect(mine.has(textHash(sent))).toBe(true);

    // Composing the same case's reply again (same reference, same seed) here now gives another wording.
    const row = await db.outboundMessage.findFirstOrThrow({ where: { text: sent } });
    const input = {
      channel: 'x',
      limit: testDeps(db).channelLimit('x'),
      name: greetingName(outcome.mention.author),
      brand: 'Lumora',
      topic: outcome.score!.topic,
      ref: `#${row.caseId}`,
      pointerKind: testDeps(db).channelRules('x').pointerKind,
      pointerValues: testDeps(db).pointerValues!('x'),
      seed: `x:${outcome.mention.id}`,
    };
    expect(composeAcknowledgement(prompts, input, new RecentTexts(1e9))).toBe(sent);
    expect(composeAcknowledgement(prompts, input, mine)).not.toBe(sent);
  });

  it('start-up reads the newest reply hashes in pages, none lost or repeated at a page boundary', async () => {
    const db = pg.db();
    const base = Date.UTC(2026, 9, 1, 10);
    await db.outboundMessage.createMany({
      data: Array.from({ length: 12_000 }, (_, i) => ({
        idempotencyKey: `page:${i}`,
        channel: 'x',
        kind: 'public_reply',
        target: '{}',
        text: `t${i}`,
        textHash: `page-h${i}`,
        createdAt: new Date(base + Math.floor(i / 1000) * 1000),
      })),
    });
    const got = await loadRecentReplyHashes(db, new Date(base), 11_000);
    expect(got).toHaveLength(11_000);
    expect(new Set(got.map((r) => r.hash)).size).toBe(11_000);
    expect(got[0].at).toBe(base + 1000);
    expect(got.every((r, i) => i === 0 || r.at >= got[i - 1].at)).toBe(true);
  });
});
