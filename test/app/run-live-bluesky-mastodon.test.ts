import path from 'node:path';
import { loadAppConfig } from '../../src/app/load-app-config';
import { openApp } from '../../src/app/open-app';
import { runLive } from '../../src/app/run-live';
import { silentLogger } from '../../src/log/create-logger';
import { startBlueskyServer } from '../helpers/bluesky/bluesky-server';
import { FakeBluesky } from '../helpers/bluesky/fake-bluesky';
import { FakeMastodon } from '../helpers/mastodon/fake-mastodon';
import { mastodonContractMissing, startMastodonServer } from '../helpers/mastodon/mastodon-server';
import { tempDir } from '../helpers/temp-db';

if (mastodonContractMissing) console.warn(mastodonContractMissing);
const itM = mastodonContractMissing ? it.skip : it;

const until = async (check: () => boolean, ms = 15_000) => {
  for (const start = Date.now(); !check(); await new Promise((r) => setTimeout(r, 20))) {
    if (Date.now() - start > ms) throw new Error('timed out waiting');
  }
};

describe('runLive with Bluesky and Mastodon configured', () => {
  itM(
    'registers both channels: mention -> case -> reply and invitation through the outbox, then a clean stop',
    async () => {
      const bsky = new FakeBluesky(() => new Date());
      const masto = new FakeMastodon(() => new Date());
      const [bskyServer, mastoServer] = await Promise.all([startBlueskyServer(bsky), startMastodonServer(masto)]);
      const dir = tempDir();
      const config = loadAppConfig({
        DATABASE_URL: `file:${path.join(dir.dir, 'live.db')}`,
        BRAND_NAME: 'Lumora',
        BRAND_HANDLES: 'lumora',
        LOG_LEVEL: 'silent',
        BLUESKY_HANDLE: bsky.brand.handle,
        BLUESKY_APP_PASSWORD: bsky.password,
        BLUESKY_SERVICE: bskyServer.url,
        MASTODON_URL: mastoServer.url,
        MASTODON_ACCESS_TOKEN: masto.token,
      });
      const app = await openApp(config, silentLogger());
      try {
        const ollie = bsky.account('ollie.bsky.social', { allowIncoming: 'all' });
        const bPost = bsky.post(ollie, '@lumora.bsky.social my broadband drops every evening, ridiculous service', 2);
        const rhodri = masto.account('rhodri', 'toot.wales');
        const mPost = masto.post(rhodri, '@lumora my router never arrived and nobody answers, poor show', 2);
        let stop!: () => void;
        const running = runLive(app, { stopSignal: new Promise<void>((r) => (stop = r)), drainEveryMs: 50 });
        await until(
          () => bsky.brandPosts().length > 0 && bsky.brandMessages().length > 0 && masto.brandStatuses().length >= 2,
        );
        stop();
        await running;

        expect(bsky.brandPosts()[0].record.reply?.parent.uri).toBe(bPost.uri);
        expect(masto.brandStatuses().map((s) => [s.visibility, s.in_reply_to_id])).toEqual([
          ['direct', mPost.id],
          ['public', mPost.id],
        ]);
        const cases = await app.db.case.findMany({ orderBy: { channel: 'asc' } });
        expect(cases.map((c) => c.channel)).toEqual(['bluesky', 'mastodon']);
        const sent = await app.db.outboundMessage.findMany({ where: { channel: { in: ['bluesky', 'mastodon'] } } });
        expect(sent.map((r) => [r.channel, r.kind, r.status]).sort()).toEqual([
          ['bluesky', 'private_message', 'sent'],
          ['bluesky', 'public_reply', 'sent'],
          ['mastodon', 'private_message', 'sent'],
          ['mastodon', 'public_reply', 'sent'],
        ]);
        expect(await app.db.cursor.findUnique({ where: { source: 'mastodon:notifications' } })).toMatchObject({
          position: masto.notifications[0].id,
        });
        expect(bskyServer.violations).toEqual([]);
        expect(mastoServer.violations).toEqual([]);
      } finally {
        await app.close();
        await Promise.all([bskyServer.close(), mastoServer.close()]);
        dir.cleanup();
      }
    },
  );
});
