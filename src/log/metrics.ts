import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The bot's Prometheus metrics, in one registry per running app (tests build their own). Counters and
 * histograms are updated where the work happens; gauges read from the database are filled just before
 * each scrape by the collectors the app registers (`onCollect`).
 */
export interface Metrics {
  registry: Registry;
  /** Mentions in the database by channel and decision (read at scrape time, so restarts keep the count). */
  mentions: Gauge<'channel' | 'decision'>;
  /** Outbound messages by status and channel, and the age of the oldest of each. */
  outboxDepth: Gauge<'status' | 'channel'>;
  outboxOldestAgeSeconds: Gauge<'status' | 'channel'>;
  /** How long one platform send took, by channel and outcome (sent, failed, rate_limited, deferred). */
  sendSeconds: Histogram<'channel' | 'outcome'>;
  /** Sends answered with a rate limit, and the seconds the platform asked us to wait. */
  rateLimitWaits: Counter<'channel'>;
  rateLimitWaitSeconds: Counter<'channel'>;
  /**
   * Waits the bot imposes on itself to stay within a platform's limits, by channel and reason
   * (slack_post_pacing, slack_history_budget, discord_route_bucket): a post slept for, or a send held
   * back for the time given. Counted apart from the platforms' own rate limits above.
   */
  pacingWaitSeconds: Histogram<'channel' | 'reason'>;
  /** US dollars spent on X today (UTC day, as X bills), from the spend ledger. */
  xSpendTodayUsd: Gauge;
  /** 1 when connected, 0 when not, by connection (discord_gateway, slack_socket_mode, slack_http). */
  connectionUp: Gauge<'connection'>;
  /** Time to score one text. */
  scorerSeconds: Histogram;
  /** Registers an async collector run before every scrape (database-backed gauges). */
  onCollect(collector: () => Promise<void>): void;
  /** The exposition text for GET /metrics. */
  render(): Promise<string>;
}

/** A fresh metrics registry with the process's default metrics (memory, event loop, handles). */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'mention_desk_process_' });
  const collectors: Array<() => Promise<void>> = [];
  const registers = [registry];
  const metrics: Metrics = {
    registry,
    mentions: new Gauge({
      name: 'mention_desk_mentions',
      help: 'Mentions stored, by channel and decision',
      labelNames: ['channel', 'decision'],
      registers,
    }),
    outboxDepth: new Gauge({
      name: 'mention_desk_outbox_messages',
      help: 'Outbound messages by status and channel',
      labelNames: ['status', 'channel'],
      registers,
    }),
    outboxOldestAgeSeconds: new Gauge({
      name: 'mention_desk_outbox_oldest_age_seconds',
      help: 'Age of the oldest outbound message in each status and channel',
      labelNames: ['status', 'channel'],
      registers,
    }),
    sendSeconds: new Histogram({
      name: 'mention_desk_send_seconds',
      help: 'Duration of one platform send',
      labelNames: ['channel', 'outcome'],
      registers,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
    }),
    rateLimitWaits: new Counter({
      name: 'mention_desk_rate_limit_waits_total',
      help: 'Sends answered with a rate limit',
      labelNames: ['channel'],
      registers,
    }),
    rateLimitWaitSeconds: new Counter({
      name: 'mention_desk_rate_limit_wait_seconds_total',
      help: 'Seconds the platforms asked us to wait',
      labelNames: ['channel'],
      registers,
    }),
    pacingWaitSeconds: new Histogram({
      name: 'mention_desk_pacing_wait_seconds',
      help: "Waits the bot imposed on itself to keep within a platform's limits, by channel and reason",
      labelNames: ['channel', 'reason'],
      registers,
      buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60],
    }),
    xSpendTodayUsd: new Gauge({
      name: 'mention_desk_x_spend_today_usd',
      help: 'US dollars spent on the X API today (UTC)',
      registers,
    }),
    connectionUp: new Gauge({
      name: 'mention_desk_connection_up',
      help: '1 when the connection is up',
      labelNames: ['connection'],
      registers,
    }),
    scorerSeconds: new Histogram({
      name: 'mention_desk_scorer_seconds',
      help: 'Time to score one text',
      registers,
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1],
    }),
    onCollect: (collector) => void collectors.push(collector),
    async render() {
      // A failing collector (database away) must not hide the other metrics: it just leaves its gauges stale.
      await Promise.all(collectors.map((c) => c().catch(() => undefined)));
      return registry.metrics();
    },
  };
  return metrics;
}
