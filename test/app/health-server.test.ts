import path from 'node:path';
import { startHealthServer } from '../../src/app/health-server';
import { collectDatabaseMetrics, connectionCheck, databaseCheck, outboxCheck } from '../../src/app/readiness-checks';
import { silentLogger } from '../../src/log/create-logger';
import { createMetrics } from '../../src/log/metrics';
import { type BotProcess, startBot } from '../helpers/bot-process';
import { APP_TOKEN, BOT_TOKEN, SIGNING_SECRET, TEAM_CHANNEL } from '../helpers/slack/desk-harness';
import { SlackApiServer } from '../helpers/slack/slack-api-server';
import { slackSuite } from '../helpers/slack/with-contract';
import { tempDb, tempDir } from '../helpers/temp-db';

const get = async (port: number, p: string) => {
  const res = await fetch(`http://127.0.0.1:${port}${p}`);
  return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
};

describe('the health server (no Slack needed)', () => {
  it('/healthz is alive, /readyz checks the database and the outbox, /metrics is Prometheus text', async () => {
    const t = await tempDb();
    const metrics = createMetrics();
    collectDatabaseMetrics(metrics, t.db);
    let socketUp = true;
    let stopping = false;
    const checks = [
      databaseCheck(t.db),
      outboxCheck(t.db),
      connectionCheck('slack_socket_mode', () => socketUp, metrics),
    ];
    const server = await startHealthServer({
      host: '127.0.0.1',
      port: 0,
      metrics,
      checks: () => checks,
      stopping: () => stopping,
      logger: silentLogger(),
    });
    try {
      expect(await get(server.port, '/healthz')).toMatchObject({ status: 200, body: '{"status":"ok"}\n' });
      const ready = await get(server.port, '/readyz');
      expect(ready.status).toBe(200);
      expect(JSON.parse(ready.body)).toEqual({
        status: 'ready',
        checks: { database: { ok: true }, outbox: { ok: true }, slack_socket_mode: { ok: true } },
      });

      // A message due for an hour and never sent: the outbox is stuck.
      await t.db.outboundMessage.create({
        data: {
          idempotencyKey: 'k1',
          channel: 'x',
          kind: 'public_reply',
          target: '{}',
          text: 'hi',
          textHash: 'h',
          notBefore: new Date(Date.now() - 3_600_000),
          createdAt: new Date(Date.now() - 3_600_000),
        },
      });
      socketUp = false;
      const stuck = await get(server.port, '/readyz');
      expect(stuck.status).toBe(503);
      expect(JSON.parse(stuck.body)).toMatchObject({
        status: 'not ready',
        checks: {
          outbox: { ok: false, detail: expect.stringMatching(/^1 message\(s\) overdue/) },
          slack_socket_mode: { ok: false },
        },
      });

      const scraped = await get(server.port, '/metrics');
      expect(scraped.type).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(scraped.body).toContain('mention_desk_outbox_messages{status="pending",channel="x"} 1');
      expect(scraped.body).toMatch(/mention_desk_outbox_oldest_age_seconds\{status="pending",channel="x"\} 3[56]\d\d/);
      expect(scraped.body).toContain('mention_desk_connection_up{connection="slack_socket_mode"} 0');
      expect(scraped.body).toContain('mention_desk_x_spend_today_usd 0');
      for (const name of [
        'mention_desk_mentions',
        'mention_desk_send_seconds',
        'mention_desk_rate_limit_waits_total',
        'mention_desk_scorer_seconds',
      ]) {
        expect(scraped.body).toContain(`# TYPE ${name}`);
      }

      stopping = true;
      expect(JSON.parse((await get(server.port, '/readyz')).body).status).toBe('stopping');
      await t.db.$disconnect();
      stopping = false;
      const noDb = await get(server.port, '/readyz');
      expect(noDb.status).toBe(503);
      expect(await get(server.port, '/nope')).toMatchObject({ status: 404 });
    } finally {
      await server.close();
      await t.close();
    }
  });
});

const { contract, describe: describeSlack } = slackSuite('the health-server-with-Slack test');

describeSlack('the health server in both Slack modes (the demo in a child process)', () => {
  let fake: SlackApiServer;
  let dir: string;
  let cleanup: () => void;
  let bot: BotProcess | undefined;
  beforeEach(async () => {
    fake = await SlackApiServer.start(contract, { bot: BOT_TOKEN, app: APP_TOKEN });
    ({ dir, cleanup } = tempDir('md-health-'));
  });
  afterEach(async () => {
    if (bot && bot.child.exitCode === null) bot.child.kill('SIGKILL');
    await fake.close();
    cleanup();
  });

  it.each([
    ['HTTP mode', {}, 'slack_http'],
    ['Socket Mode', { SLACK_APP_TOKEN: APP_TOKEN }, 'slack_socket_mode'],
  ])(
    '%s: /readyz names the Slack connection, /metrics counts the demo',
    async (_mode, extra, connection) => {
      bot = startBot(
        ['run', '--quiet'],
        {
          LOG_LEVEL: 'info',
          DATABASE_URL: `file:${path.join(dir, 'desk.db')}`,
          REPLAY_SENT_LOG: path.join(dir, 'sent.jsonl'),
          SLACK_BOT_TOKEN: BOT_TOKEN,
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_CHANNEL_ID: TEAM_CHANNEL,
          SLACK_API_URL: fake.apiUrl,
          SLACK_HTTP_PORT: '0',
          SLACK_HTTP_HOST: '127.0.0.1',
          SLACK_MIN_POST_INTERVAL_MS: '0',
          HEALTH_PORT: '0',
          ...extra,
        },
        dir,
      );
      const port = await bot.healthPort();
      await bot.until('the demo to finish', () => /press Ctrl-C to stop\.\n[\s\S]*\S/.test(bot!.stdout()));
      const ready = await get(port, '/readyz');
      console.info(`/readyz (${_mode}): ${ready.status} ${ready.body.trim()}`);
      expect(ready.status).toBe(200);
      expect(JSON.parse(ready.body).checks).toEqual({
        database: { ok: true },
        outbox: { ok: true },
        [connection]: { ok: true },
      });
      const metrics = (await get(port, '/metrics')).body;
      if (connection === 'slack_socket_mode')
        console.info(
          `/metrics (excerpt):\n${metrics
            .split('\n')
            .filter((l) =>
              /^mention_desk_(mentions|outbox|send_seconds_count|connection|scorer_seconds_count|x_spend)/.test(l),
            )
            .join('\n')}`,
        );
      expect(metrics).toMatch(/mention_desk_mentions\{channel="x",decision="acknowledge"\} [1-9]\d*/);
      expect(metrics).toMatch(/mention_desk_send_seconds_count\{channel="slack",outcome="sent"\} [1-9]\d*/);
      expect(metrics).toMatch(/mention_desk_scorer_seconds_count [1-9]\d*/);
      expect(metrics).toContain(`mention_desk_connection_up{connection="${connection}"} 1`);
      bot.child.kill('SIGTERM');
      expect((await bot.exited).code).toBe(0);
    },
    90_000,
  );
});
