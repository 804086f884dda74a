import { buildDigest } from '../../src/digest/build-digest';
import { queryDigestData } from '../../src/digest/query-digest-data';
import { renderDigestMarkdown } from '../../src/digest/render-digest-markdown';
import { ingestBatch } from '../../src/pipeline/ingest-batch';
import { period, t } from '../helpers/digest-seed';
import { mention } from '../helpers/fixtures';
import { testDeps } from '../helpers/pipeline-deps';
import { tempDb } from '../helpers/temp-db';

describe('the digest counts Bluesky and Mastodon', () => {
  it('lists them by channel with their complaints, as read through the pipeline', async () => {
    const { db, close } = await tempDb();
    try {
      const deps = testDeps(db, { now: () => t('18T12:00:00') });
      await ingestBatch(deps, [
        mention({
          channel: 'bluesky',
          createdAt: t('17T09:00:00'),
          text: '@lumora.bsky.social charged twice, this is a disgrace',
        }),
        mention({
          channel: 'bluesky',
          createdAt: t('17T10:00:00'),
          text: '@lumora.bsky.social love the new app, thanks',
        }),
        mention({
          channel: 'mastodon',
          createdAt: t('18T09:00:00'),
          text: '@lumora my router never arrived, useless service',
        }),
      ]);
      const d = buildDigest(await queryDigestData(db, period, 'sqlite'));
      expect(d.byChannel).toEqual(
        expect.arrayContaining([
          { channel: 'bluesky', total: 2, complaints: 1 },
          { channel: 'mastodon', total: 1, complaints: 1 },
        ]),
      );
      const markdown = renderDigestMarkdown(d);
      expect(markdown).toMatch(/bluesky\s*\|\s*2\s*\|\s*1/);
      expect(markdown).toMatch(/mastodon\s*\|\s*1\s*\|\s*1/);
    } finally {
      await close();
    }
  });
});
