import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the fakes see it: method, path, query, parsed body (JSON or form), headers. */
export interface FakeHttpRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: any;
  headers: http.IncomingHttpHeaders;
}

/** What a fake answers. `drop`: the socket is destroyed without an answer (the answer lost on the way). */
export interface FakeHttpResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  drop?: boolean;
  /** Milliseconds to hold the answer back (a slow platform). */
  delayMs?: number;
}

export interface LocalServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

function parseBody(raw: string, type: string | undefined): any {
  if (!raw) return {};
  if (type?.includes('application/json')) {
    try {
      return JSON.parse(raw);
    } catch {
      return { __invalid: raw };
    }
  }
  if (type?.includes('application/x-www-form-urlencoded')) {
    const out: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(raw)) out[k] = v;
    return out;
  }
  try {
    return JSON.parse(raw);
  } catch {
    return { __raw: raw };
  }
}

/**
 * An HTTP server on 127.0.0.1 (a free port unless one is given) that hands every request to `handle`.
 * Only loopback: nothing here ever listens on another address.
 */
export async function startLocalServer(
  handle: (req: FakeHttpRequest) => FakeHttpResponse | Promise<FakeHttpResponse>,
  port = 0,
  onServer?: (server: http.Server) => void,
): Promise<LocalServer> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const query: Record<string, string> = {};
      for (const [k, v] of url.searchParams) query[k] = v;
      const request: FakeHttpRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query,
        headers: req.headers,
        body: parseBody(Buffer.concat(chunks).toString('utf8'), req.headers['content-type']),
      };
      let answer: FakeHttpResponse;
      try {
        answer = await handle(request);
      } catch (error) {
        answer = { status: 500, body: { error: `fake failed: ${(error as Error).message}` } };
      }
      const send = () => {
        if (answer.drop) return void req.socket.destroy();
        const body = answer.body === undefined ? '' : JSON.stringify(answer.body);
        res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
        res.end(body);
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs);
      else send();
    });
  });
  server.keepAliveTimeout = 5_000;
  onServer?.(server);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
