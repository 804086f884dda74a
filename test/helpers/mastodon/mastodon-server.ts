import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import addFormats from 'ajv-formats';
import OpenAPIBackend from 'openapi-backend';
import { WebSocket, WebSocketServer } from 'ws';
import type { FakeMastodon } from './fake-mastodon';

/** The Mastodon OpenAPI description (abraham/mastodon-openapi, ../shared/contracts beside the checkout). */
export const MASTODON_CONTRACT = path.resolve(__dirname, '../../../../shared/contracts/mastodon-openapi.json');

/** Why contract tests cannot run here, or undefined when they can. */
export const mastodonContractMissing = fs.existsSync(MASTODON_CONTRACT)
  ? undefined
  : `Mastodon contract tests skipped: ${MASTODON_CONTRACT} is absent (see ../shared/contracts/README.md)`;

let contract: Promise<OpenAPIBackend> | undefined;

function loadContract(): Promise<OpenAPIBackend> {
  contract ??= (async () => {
    const definition = JSON.parse(fs.readFileSync(MASTODON_CONTRACT, 'utf8'));
    // The generated description types the Idempotency-Key header as an object; Mastodon's docs say
    // "any arbitrary string": that one schema is corrected in memory, the file is left as published.
    for (const p of definition.paths['/api/v1/statuses'].post.parameters ?? []) {
      if (p.name === 'Idempotency-Key') p.schema = { type: 'string' };
    }
    const api = new OpenAPIBackend({
      definition,
      quick: true,
      validate: true,
      ajvOpts: { validateSchema: false, strict: false },
      // Languages are ISO 639-1 codes (two letters), a format Ajv does not know by itself.
      customizeAjv: (ajv) => {
        addFormats(ajv);
        ajv.addFormat('iso-639-1', /^[a-z]{2}$/);
        return ajv;
      },
    });
    await api.init();
    return api;
  })();
  return contract;
}

export interface MastodonServer {
  url: string;
  streamingUrl: string;
  requests: Array<{
    operationId: string;
    query: Record<string, unknown>;
    body: any;
    headers: Record<string, string | undefined>;
  }>;
  violations: string[];
  /** Open streaming connections (with their subscriptions). */
  sockets: Set<WebSocket>;
  /** Closes every streaming connection, as a restart of the streaming server does. */
  dropStreams(): void;
  close(): Promise<void>;
}

// Rails reads list parameters as `types[]=a&types[]=b`; the description names them `types`.
function railsQuery(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    if (key.endsWith('[]')) out[key.slice(0, -2)] = values;
    else out[key] = values[0];
  }
  return out;
}

/**
 * The fake Mastodon on 127.0.0.1: each REST request is matched and validated against the OpenAPI
 * description, answered by `fx`, and each 2xx answer validated too; X-RateLimit-* headers come with
 * every answer. A WebSocket endpoint at /api/v1/streaming takes the token as Mastodon does (the
 * Sec-WebSocket-Protocol header or access_token) and sends `user:notification` events.
 */
export async function startMastodonServer(fx: FakeMastodon): Promise<MastodonServer> {
  const api = await loadContract();
  const requests: MastodonServer['requests'] = [];
  const violations: string[] = [];
  const sockets = new Set<WebSocket>();
  const subscribed = new WeakSet<WebSocket>();
  const send = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string>) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body ?? {}));
  };
  const serve = (req: http.IncomingMessage, res: http.ServerResponse, raw: string) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const headers = req.headers as Record<string, string | undefined>;
    const query = railsQuery(url);
    const body = raw ? JSON.parse(raw) : undefined;
    const request = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query,
      headers: headers as Record<string, string>,
      body,
    };
    const rate = fx.rateHeaders();
    const operation = api.matchOperation(request);
    if (!operation?.operationId) {
      violations.push(`${request.method} ${request.path}: no such operation in the description`);
      return send(res, 404, { error: 'Not Found' }, rate);
    }
    const valid = api.validateRequest(request, operation);
    if (!valid.valid) {
      const why = (valid.errors ?? [])
        .map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`)
        .join('; ');
      violations.push(`${request.method} ${request.path} (${operation.operationId}): ${why}`);
      return send(res, 422, { error: why }, rate);
    }
    const params = api.router.parseRequest(request, operation).params as Record<string, string>;
    requests.push({ operationId: operation.operationId, query, body, headers });
    const reply = fx.handle({ operationId: operation.operationId, params, query, body, headers });
    if (reply.status < 300) {
      const checked = api.validateResponse(reply.body, operation, reply.status);
      if (!checked.valid)
        violations.push(`answer to ${operation.operationId}: ${JSON.stringify(checked.errors).slice(0, 2000)}`);
    }
    send(res, reply.status, reply.body, { ...fx.rateHeaders(), ...reply.headers });
  };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      try {
        serve(req, res, raw);
      } catch (error) {
        violations.push(`${req.method} ${req.url}: the fake failed: ${(error as Error).stack}`);
        send(res, 500, { error: 'fake failed' }, {});
      }
    });
  });
  const wss = new WebSocketServer({ noServer: true, handleProtocols: (protocols) => [...protocols][0] ?? false });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const token = req.headers['sec-websocket-protocol'] ?? url.searchParams.get('access_token');
    if (url.pathname !== '/api/v1/streaming' || token !== fx.token) {
      socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', (data) => {
        const msg = JSON.parse(String(data));
        if (msg.type === 'subscribe' && msg.stream === 'user:notification') subscribed.add(ws);
        else if (msg.type !== 'unsubscribe') violations.push(`stream: unexpected message ${String(data)}`);
      });
    });
  });
  fx.onNotification = (n) => {
    for (const ws of sockets) {
      if (subscribed.has(ws) && ws.readyState === WebSocket.OPEN) fx.streamed.push(n.status.id);
      if (subscribed.has(ws) && ws.readyState === WebSocket.OPEN)
        ws.send(JSON.stringify({ stream: ['user:notification'], event: 'notification', payload: JSON.stringify(n) }));
    }
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  fx.streamingUrl = `ws://127.0.0.1:${port}`;
  return {
    url: `http://127.0.0.1:${port}`,
    streamingUrl: fx.streamingUrl,
    requests,
    violations,
    sockets,
    dropStreams: () => {
      for (const ws of sockets) ws.terminate();
      sockets.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of sockets) ws.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
