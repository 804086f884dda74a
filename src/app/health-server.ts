import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeError } from '../core/app-error.js';
import type { Logger } from '../log/create-logger.js';
import type { Metrics } from '../log/metrics.js';

/** One readiness condition: the database answers, a channel is connected, the outbox moves. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<{ ok: boolean; detail?: string }>;
}

/** The running health server. */
export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

export interface HealthServerOptions {
  host: string;
  port: number;
  metrics: Metrics;
  /** Read at each request, so checks added after start-up (the Slack desk, channels) count. */
  checks: () => ReadinessCheck[];
  /** True once shutdown has begun: /readyz then answers 503 so traffic moves elsewhere. */
  stopping?: () => boolean;
  logger: Logger;
}

const CHECK_TIMEOUT_MS = 3_000;

async function runCheck(c: ReadinessCheck): Promise<{ name: string; ok: boolean; detail?: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<{ ok: boolean; detail: string }>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, detail: `no answer within ${CHECK_TIMEOUT_MS} ms` }),
      CHECK_TIMEOUT_MS,
    );
  });
  try {
    return { name: c.name, ...(await Promise.race([c.check(), timeout])) };
  } catch (e) {
    return { name: c.name, ok: false, detail: describeError(e) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * GET /healthz (the process is alive), GET /readyz (every readiness check passes: 200, else 503, with
 * each check's result as JSON) and GET /metrics (Prometheus text format) on HEALTH_HOST:HEALTH_PORT.
 * Independent of Slack's mode: it runs with Socket Mode, HTTP mode or no Slack at all.
 */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const server = http.createServer((req, res) => {
    const reply = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    const json = (status: number, body: unknown) => reply(status, 'application/json', `${JSON.stringify(body)}\n`);
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(405, { error: 'only GET' });
    if (path === '/healthz') return json(200, { status: 'ok' });
    if (path === '/readyz') {
      void Promise.all(options.checks().map(runCheck)).then((results) => {
        const stopping = options.stopping?.() ?? false;
        const ready = !stopping && results.every((r) => r.ok);
        const checks = Object.fromEntries(
          results.map((r) => [r.name, { ok: r.ok, ...(r.detail ? { detail: r.detail } : {}) }]),
        );
        json(ready ? 200 : 503, { status: ready ? 'ready' : stopping ? 'stopping' : 'not ready', checks });
      });
      return;
    }
    if (path === '/metrics') {
      void options.metrics.render().then(
        (text) => reply(200, options.metrics.registry.contentType, text),
        (e) => json(500, { error: describeError(e) }),
      );
      return;
    }
    json(404, { error: 'not found: try /healthz, /readyz or /metrics' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  }).catch((e) => {
    throw new Error(
      `the health server cannot listen on ${options.host}:` +
        `${options.port} (HEALTH_HOST, HEALTH_PORT): ${describeError(e)}`,
    );
  });
  const port = (server.address() as AddressInfo).port;
  options.logger.info({ port }, `health server on http://${options.host}:${port} (/healthz, /readyz, /metrics)`);
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
