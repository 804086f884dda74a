import path from 'node:path';
import { loadAppConfig } from '../../src/app/load-app-config';
import { openApp } from '../../src/app/open-app';
import { runLive } from '../../src/app/run-live';
import { silentLogger } from '../../src/log/create-logger';
import { FakeX } from '../helpers/fake-x';
import { tempDir } from '../helpers/temp-db';
import { startXContractServer, xContractMissing } from '../helpers/x-contract-server';
import { xEnv } from '../helpers/x-fixtures';

if (xContractMissing) console.warn(xContractMissing);
const itX = xContractMissing ? it.skip : it;

const until = async (check: () => boolean, ms = 10_000) => {
  for (const start = Date.now(); !check(); await new Promise((r) => setTimeout(r, 20))) {
    if (Date.now() - start > ms) throw new Error('timed out waiting');
  }
};

describe('runLive with X configured', () => {
  itX('registers the X channel: catches up on start, acknowledges through the outbox, stops cleanly', async () => {
    const fx = new FakeX(() => new Date());
    const server = await startXContractServer(fx);
    const dir = tempDir();
    const config = loadAppConfig(xEnv(server.url, { DATABASE_URL: `file:${path.join(dir.dir, 'live.db')}` }));
    const app = await openApp(config, silentLogger());
    try {
      const post = fx.post(fx.user('maria'), '@lumora my order never arrived and nobody answers. Unacceptable!', 2);
      let stop!: () => void;
      const running = runLive(app, { stopSignal: new Promise<void>((r) => (stop = r)), drainEveryMs: 50 });
      await until(() => fx.brandPosts().length > 0);
      stop();
      await running;
      expect(fx.brandPosts()[0].referenced_tweets).toEqual([{ type: 'replied_to', id: post.id }]);
      expect(await app.db.cursor.findUnique({ where: { source: 'x:mentions' } })).toMatchObject({ position: post.id });
      expect(server.violations).toEqual([]);
    } finally {
      await app.close();
      await server.close();
      dir.cleanup();
    }
  });
});
