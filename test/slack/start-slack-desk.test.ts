import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { openApp } from '../../src/app/open-app';
import { loadConfig } from '../../src/config/load-config';
import { AppError } from '../../src/core/app-error';
import { silentLogger } from '../../src/log/create-logger';
import { startSlackDesk } from '../../src/slack/start-slack-desk';
import { tempDir } from '../helpers/temp-db';

describe('startSlackDesk', () => {
  const { dir, cleanup } = tempDir('md-desk-start-');
  afterAll(cleanup);
  const open = (env: Record<string, string>) => openApp(loadConfig({ DATABASE_URL: `file:${path.join(dir, `${Object.keys(env).length}.db`)}`, ...env }), silentLogger());

  it('is off (null) when Slack is not configured', async () => {
    const app = await open({});
    await expect(startSlackDesk(app)).resolves.toBeNull();
    await app.close();
  });

  it('says which setting to check when the HTTP port is taken', async () => {
    const busy = http.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as AddressInfo).port;
    const app = await open({
      SLACK_BOT_TOKEN: 'xoxb-start-test', SLACK_SIGNING_SECRET: 'start-secret', SLACK_CHANNEL_ID: 'C0SOCIAL01', SLACK_API_URL: 'http://127.0.0.1:9/api',
      SLACK_HTTP_HOST: '127.0.0.1', SLACK_HTTP_PORT: String(port),
    });
    try {
      const error = await startSlackDesk(app).catch((e) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error.humanMessage).toMatch(new RegExp(`EADDRINUSE.*check SLACK_HTTP_HOST and SLACK_HTTP_PORT \\(127\\.0\\.0\\.1:${port}\\)`));
    } finally {
      busy.close();
      await app.close();
    }
  });
});
