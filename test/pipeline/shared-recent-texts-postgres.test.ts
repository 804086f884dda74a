import { composeAcknowledgement } from '../../src/compose/compose-acknowledgement';
import { greetingName } from '../../src/compose/greeting-name';
import { RecentTexts } from '../../src/compose/recent-texts';
import { textHash } from '../../src/core/text-hash';
import { ingestBatch } from '../../src/pipeline/ingest-batch';
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
});
