import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { openApp } from '../../src/app/open-app';
import { loadConfig } from '../../src/config/load-config';
import { AppError } from '../../src/core/app-error';
import { silentLogger } from '../../src/log/create-logger';
import { startSlackDesk } from '../../src/slack/start-slack-desk';
import { BOT_TOKEN } from '../helpers/slack/desk-harness';
import { SlackApiServer } from '../helpers/slack/slack-api-server';
import { slackSuite } from '../helpers/slack/with-contract';
import { tempDir } from '../helpers/temp-db';

const { contract, describe: describeSlack } = slackSuite('the Slack desk start-up tests');

describeSlack('startSlackDesk', () => {
  const { dir, cleanup } = tempDir('md-desk-start-');
  let fake: SlackApiServer;
  let n = 0;
  beforeAll(async () => (fake = await SlackApiServer.start(contract, { bot: BOT_TOKEN })));
  afterAll(async () => {
    await fake.close();
    cleanup();
  });
  const open = (env: Record<string, string>) =>
    openApp(loadConfig({ DATABASE_URL: `file:${path.join(dir, `${++n}.db`)}`, ...env }), silentLogger());
  const slack = (over: Record<string, string> = {}) => ({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: 'start-secret',
    SLACK_CHANNEL_ID: 'C0SOCIAL01',
    SLACK_API_URL: fake.apiUrl,
    SLACK_HTTP_HOST: '127.0.0.1',
    SLACK_HTTP_PORT: '0',
    ...over,
  });
  const startError = async (env: Record<string, string>) => {
    const app = await open(env);
    try {
      return await startSlackDesk(app)
        .then((desk) => desk?.stop())
        .catch((e) => e);
    } finally {
      await app.close();
    }
  };

  it('is off (null) when Slack is not configured', async () => {
    const app = await open({});
    await expect(startSlackDesk(app)).resolves.toBeNull();
    await app.close();
  });

  it('checks the bot token before listening, and says which setting to fix', async () => {
    const error = await startError(slack({ SLACK_BOT_TOKEN: 'xoxb-revoked-token' }));
    expect(error).toBeInstanceOf(AppError);
    expect(error.humanMessage).toMatch(/invalid_auth.*check SLACK_BOT_TOKEN/);
    expect(fake.callsTo('auth.test').length).toBeGreaterThan(0);
  });

  it('says which settings to check when the HTTP port is taken', async () => {
    const busy = http.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as AddressInfo).port;
    try {
      const error = await startError(slack({ SLACK_HTTP_PORT: String(port) }));
      expect(error).toBeInstanceOf(AppError);
      expect(error.humanMessage).toMatch(
        new RegExp(`EADDRINUSE.*check SLACK_HTTP_HOST and SLACK_HTTP_PORT \\(127\\.0\\.0\\.1:${port}\\)`),
      );
    } finally {
      busy.close();
    }
  });

  // Security finding (config messages): an unreachable Slack API was blamed on SLACK_HTTP_HOST.
  it('an unreachable Slack API is reported as SLACK_API_URL, not as the HTTP listener', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve)); // nothing listens there now
    const error = await startError(slack({ SLACK_API_URL: `http://127.0.0.1:${port}/api/` }));
    expect(error).toBeInstanceOf(AppError);
    expect(error.humanMessage).toContain(
      `check that Slack's API is reachable at SLACK_API_URL (http://127.0.0.1:${port}/api/)`,
    );
    expect(error.humanMessage).not.toContain('SLACK_HTTP_HOST');
  }, 30_000);
});
