import path from 'node:path';
import { startHealthServer } from '../../src/app/health-server';
import { instrumentTransport } from '../../src/app/instrument-transport';
import { loadAppConfig } from '../../src/app/load-app-config';
import { openApp } from '../../src/app/open-app';
import { collectDatabaseMetrics, connectionCheck, databaseCheck } from '../../src/app/readiness-checks';
import { runReplay } from '../../src/app/run-replay';
import { SendError } from '../../src/core/channel-adapter';
import type { OutboundRow } from '../../src/core/outbound';
import { silentLogger } from '../../src/log/create-logger';
import { createMetrics } from '../../src/log/metrics';
import { tempDir } from '../helpers/temp-db';

const sample = (line: string, name: string) => line.startsWith(name) && !line.startsWith(`${name}_`);

describe('/metrics after the demo without Slack (no credentials at all)', () => {
  it('counts mentions by channel and decision, the outbox, sends, the scorer and X spend; connections without /readyz', async () => {
    const { dir, cleanup } = tempDir('md-metrics-demo-');
    const config = loadAppConfig({
      DATABASE_URL: `file:${path.join(dir, 'demo.db')}`,
      REPLAY_SENT_LOG: path.join(dir, 'sent.jsonl'),
      LOG_LEVEL: 'silent',
    });
    const app = await openApp(config, silentLogger());
    const metrics = createMetrics();
    collectDatabaseMetrics(metrics, app.db);
    let gatewayUp = false;
    const checks = [databaseCheck(app.db), connectionCheck('discord_gateway', () => gatewayUp, metrics)];
    const server = await startHealthServer({
      host: '127.0.0.1',
      port: 0,
      metrics,
      checks: () => checks,
      stopping: () => false,
      logger: silentLogger(),
    });
    try {
      const summary = await runReplay(app, {
        file: config.demoStreamFile,
        quiet: true,
        write: () => undefined,
        metrics,
      });
      const scrape = async () => (await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text()).split('\n');
      let lines = await scrape(); // no /readyz asked before: every gauge is filled at scrape time
      const value = (prefix: string) =>
        lines.filter((l) => l.startsWith(prefix)).reduce((n, l) => n + Number(l.split(' ').at(-1)), 0);

      expect(value('mention_desk_mentions{')).toBe(summary.fresh); // an edit updates its mention, it adds none
      expect(value('mention_desk_mentions{channel="x",decision="acknowledge"}')).toBeGreaterThan(0);
      expect(value('mention_desk_outbox_messages{status="sent"')).toBe(summary.outbox.sent);
      expect(value('mention_desk_send_seconds_count{')).toBe(summary.outbox.sent);
      expect(value('mention_desk_send_seconds_count{channel="slack",outcome="sent"}')).toBeGreaterThan(0);
      // The replay answers every channel; its sends are counted under the channel they went to.
      expect(value('mention_desk_send_seconds_count{channel="x",outcome="sent"}')).toBe(
        value('mention_desk_outbox_messages{status="sent",channel="x"}'),
      );
      expect(lines.some((l) => l.includes('channel="replay"'))).toBe(false);
      expect(value('mention_desk_scorer_seconds_count')).toBeGreaterThanOrEqual(summary.fresh);
      expect(lines).toContain('mention_desk_x_spend_today_usd 0');
      expect(lines).toContain('mention_desk_connection_up{connection="discord_gateway"} 0');
      expect(lines.some((l) => sample(l, 'mention_desk_rate_limit_waits_total'))).toBe(false); // none in the demo

      gatewayUp = true;
      lines = await scrape();
      expect(lines).toContain('mention_desk_connection_up{connection="discord_gateway"} 1');
    } finally {
      await server.close();
      await app.close();
      cleanup();
    }
  }, 60_000);

  it('counts rate-limit waits on sends and on the checks before a resend', async () => {
    const metrics = createMetrics();
    const limited = new SendError('rate_limited', 'Slack history read budget used up', true, 30_000);
    const transport = instrumentTransport(
      'slack',
      {
        send: async () => {
          throw limited;
        },
        findSent: async () => {
          throw limited;
        },
      },
      { metrics },
    );
    const row = { id: 1, channel: 'slack' } as OutboundRow;
    await expect(transport.send(row)).rejects.toBe(limited);
    await expect(transport.findSent!(row)).rejects.toBe(limited);
    const text = await metrics.render();
    expect(text).toContain('mention_desk_rate_limit_waits_total{channel="slack"} 2');
    expect(text).toContain('mention_desk_rate_limit_wait_seconds_total{channel="slack"} 60');
    expect(text).toContain('mention_desk_send_seconds_count{channel="slack",outcome="rate_limited"} 1');
  });

  it("counts the bot's own holds (history budget, Discord route bucket) as pacing waits, not platform rate limits", async () => {
    const metrics = createMetrics();
    const budget = new SendError('rate_limited', 'budget', true, 30_000, undefined, 'channel', 'slack_history_budget');
    const bucket = new SendError('rate_limited', 'bucket', true, 4_000, undefined, 'route', 'discord_route_bucket');
    const failing = (error: SendError) => ({
      send: async () => {
        throw error;
      },
      findSent: async () => {
        throw error;
      },
    });
    const slack = instrumentTransport('slack', failing(budget), { metrics });
    const discord = instrumentTransport('discord', failing(bucket), { metrics });
    const row = { id: 1, channel: 'slack' } as OutboundRow;
    await expect(slack.findSent!(row)).rejects.toBe(budget);
    await expect(discord.send({ ...row, channel: 'discord' })).rejects.toBe(bucket);
    const text = await metrics.render();
    expect(text).toContain('mention_desk_pacing_wait_seconds_sum{channel="slack",reason="slack_history_budget"} 30');
    expect(text).toContain('mention_desk_pacing_wait_seconds_count{channel="discord",reason="discord_route_bucket"} 1');
    expect(text).not.toMatch(/mention_desk_rate_limit_waits_total\{channel="(slack|discord)"\} \d/);
  });
});
