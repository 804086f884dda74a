import { limitOf } from '../../src/app/known-channels';
import { fitsLimit } from '../../src/core/channel-limit';
import { ingestBatch } from '../../src/pipeline/ingest-batch';
import { recomposeAcknowledgement } from '../../src/pipeline/recompose-acknowledgement';
import { mention } from '../helpers/fixtures';
import { testDeps } from '../helpers/pipeline-deps';
import { tempDb } from '../helpers/temp-db';

describe('recomposeAcknowledgement', () => {
  it('words the same acknowledgement differently (same person, same case), within the channel limit', async () => {
    const store = await tempDb();
    try {
      const deps = testDeps(store.db);
      const [outcome] = await ingestBatch(deps, [
        mention({ author: { id: 'u-maria', handle: 'maria_k', name: 'Maria Kettle' } }),
      ]);
      const row = (await store.db.outboundMessage.findMany({ where: { kind: 'public_reply' } }))[0];
      const reworded = await recomposeAcknowledgement(deps)(row);
      expect(reworded).toBeDefined();
      expect(reworded).not.toBe(row.text);
      expect(reworded).toMatch(/Maria/);
      expect(fitsLimit(limitOf('x'), reworded!)).toBe(true);
      expect(outcome.caseId).toBeDefined();
      const again = await recomposeAcknowledgement(deps)({ ...row, text: reworded!, attempts: 1 });
      expect([row.text, reworded]).not.toContain(again);
    } finally {
      await store.close();
    }
  });

  it('leaves everything but acknowledgements to a person', async () => {
    const store = await tempDb();
    try {
      const deps = testDeps(store.db);
      await ingestBatch(deps, [mention()]);
      const slackCase = (await store.db.outboundMessage.findMany({ where: { kind: 'slack_case' } }))[0];
      expect(await recomposeAcknowledgement(deps)(slackCase)).toBeUndefined();
    } finally {
      await store.close();
    }
  });
});
