import { buildDigest } from '../../src/digest/build-digest';
import { queryDigestData } from '../../src/digest/query-digest-data';
import { renderDigestMarkdown } from '../../src/digest/render-digest-markdown';
import { ingestBatch } from '../../src/pipeline/ingest-batch';
import type { Db } from '../../src/store/create-db';
import { mention } from '../helpers/fixtures';
import { testDeps } from '../helpers/pipeline-deps';
import { tempDb } from '../helpers/temp-db';

describe('the digest counts people, not handles', () => {
  let db: Db;
  let close: () => Promise<void>;
  beforeEach(async () => ({ db, close } = await tempDb()));
  afterEach(() => close());

  it('a person on X and on a linked Discord identity is one person; a stranger is another', async () => {
    const [x] = await ingestBatch(testDeps(db), [
      mention({ author: { id: 'x1', handle: 'maria_k', name: 'Maria K' } }),
    ]);
    await ingestBatch(testDeps(db), [
      mention({
        channel: 'discord',
        author: { id: 'd1', handle: 'maria.k', name: 'Maria K' },
        text: `Ref #${x.caseId}?`,
      }),
      mention({
        channel: 'discord',
        author: { id: 'd2', handle: 'sam', name: 'Sam' },
        text: '@lumora love it, thanks',
      }),
    ]);
    const period = {
      from: new Date('2026-11-18T00:00:00Z'),
      to: new Date('2026-11-19T00:00:00Z'),
      bucket: 'day' as const,
      timeZone: 'UTC',
    };
    const d = buildDigest(await queryDigestData(db, period, 'sqlite'));
    expect(d.volume).toMatchObject({ total: 3, people: 2, complainingPeople: 1 });
    expect(renderDigestMarkdown(d)).toContain('From **2 people**, 1 of them complaining');
  });
});
