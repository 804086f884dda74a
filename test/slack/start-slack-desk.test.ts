import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { openApp } from '../../src/app/open-app';
import { loadConfig } from '../../src/config/load-config';
import { AppError } from '../../src/core/app-error';
import { SendError } from '../../src/core/channel-adapter';
import { silentLogger } from '../../src/log/create-logger';
import { startSlackDesk } from '../../src/slack/start-slack-desk';
import { APP_TOKEN, BOT_TOKEN } from '../helpers/slack/desk-harness';
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
  // Chaos finding (issue 17): a restart during a Slack 500 storm exited with code 1, and one during a 429
  // storm sat out Retry-After before X and Discord were watched. Slack answering with an incident is no
  // setting to fix: the desk starts unconnected, its sends wait (a channel-wide pause, no attempt used),
  // and it connects by itself once Slack answers.
  it.each([
    ['HTTP 500', { status: 500, times: 2 }],
    ['429 with Retry-After', { retryAfter: 1, times: 1 }],
  ])(
    'starts without Slack while auth.test answers %s, holds sends back, and connects when Slack answers',
    async (_what, fault) => {
      const app = await open(slack());
      fake.fail('auth.test', fault);
      const before = fake.callsTo('auth.test').length;
      const started = Date.now();
      const desk = (await startSlackDesk(app))!;
      try {
        expect(Date.now() - started).toBeLessThan(1_000);
        expect(desk.connected()).toBe(false);
        expect(desk.port).toBeUndefined();
        const row = { id: 1, kind: 'slack_notice', channel: 'slack', target: '{"notice":"paused"}' } as never;
        const refusal = await desk.transport.send(row).catch((e) => e);
        expect(refusal).toBeInstanceOf(SendError);
        expect(refusal).toMatchObject({ failure: 'rate_limited', retryable: true, limitScope: 'channel' });
        expect(refusal.retryAfterMs).toBeGreaterThanOrEqual(1_000);
        expect(refusal.message).toMatch(/not reached Slack yet/);
        const deadline = Date.now() + 10_000;
        while (!desk.connected() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        expect(desk.connected()).toBe(true);
        expect(desk.port).toBeGreaterThan(0);
        expect(fake.callsTo('auth.test').length - before).toBeGreaterThan(fault.times);
      } finally {
        await desk.stop();
        await app.close();
      }
    },
    20_000,
  );
  it('in Socket Mode, Slack answering 500 to apps.connections.open is waited out too, then the socket opens', async () => {
    const socketFake = await SlackApiServer.start(contract, { bot: BOT_TOKEN, app: APP_TOKEN });
    // Bolt's socket client tries three times (two quick retries); all three fail on the first start.
    socketFake.fail('apps.connections.open', { status: 500, times: 3 });
    const app = await open(slack({ SLACK_API_URL: socketFake.apiUrl, SLACK_APP_TOKEN: APP_TOKEN }));
    const desk = (await startSlackDesk(app))!;
    try {
      expect(desk.mode).toBe('socket');
      expect(desk.connected()).toBe(false);
      const deadline = Date.now() + 10_000;
      while (!desk.connected() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(desk.connected()).toBe(true);
      expect(socketFake.sockets.clients.size).toBe(1);
      expect(socketFake.callsTo('apps.connections.open').length).toBeGreaterThanOrEqual(4);
    } finally {
      await desk.stop();
      await app.close();
      await socketFake.close();
    }
  }, 20_000);
});
