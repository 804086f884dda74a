import http from 'node:http';
import { lexicons } from '@atproto/api';
import type { FakeBluesky, XrpcCall } from './fake-bluesky';

/** A request the fake received after it passed the lexicons. */
export interface SeenXrpc extends XrpcCall {
  method: string;
}

export interface BlueskyServer {
  url: string;
  /** Every request that passed the lexicons, in order. */
  requests: SeenXrpc[];
  /** Every request or response that broke a lexicon (tests expect none). */
  violations: string[];
  close(): Promise<void>;
}

type ParamDef = { type: string; items?: { type: string } };

// Query strings carry text; the lexicon says which parameters are numbers, flags or lists.
function typedParams(nsid: string, query: URLSearchParams): Record<string, unknown> {
  const def = lexicons.getDef(nsid) as { parameters?: { properties?: Record<string, ParamDef> } } | undefined;
  const props = def?.parameters?.properties ?? {};
  const out: Record<string, unknown> = {};
  for (const key of new Set(query.keys())) {
    const prop = props[key];
    const values = query.getAll(key);
    const as = (type: string | undefined, v: string) =>
      type === 'integer' ? Number(v) : type === 'boolean' ? v === 'true' : v;
    out[key] = prop?.type === 'array' ? values.map((v) => as(prop.items?.type, v)) : as(prop?.type, values[0]);
  }
  return out;
}

/**
 * The fake Bluesky on 127.0.0.1: every XRPC request's parameters and input are checked with the
 * lexicons @atproto/api ships (`lexicons.assertValidXrpcParams/Input`), created post records with
 * `assertValidRecord`, and every successful answer with `assertValidXrpcOutput`; then `fx` answers,
 * with RateLimit-* headers as Bluesky sends them.
 */
export async function startBlueskyServer(fx: FakeBluesky): Promise<BlueskyServer> {
  const requests: SeenXrpc[] = [];
  const violations: string[] = [];
  const send = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string>) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };
  const serve = (req: http.IncomingMessage, res: http.ServerResponse, raw: string) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const nsid = url.pathname.replace(/^\/xrpc\//, '');
    const headers = fx.rateHeaders(nsid);
    const def = lexicons.getDef(nsid) as { type?: string } | undefined;
    if (!url.pathname.startsWith('/xrpc/') || !def) {
      violations.push(`${req.method} ${url.pathname}: no such lexicon method`);
      return send(res, 404, { error: 'XRPCNotSupported', message: 'no such method' }, headers);
    }
    const expected = def.type === 'procedure' ? 'POST' : 'GET';
    const params = typedParams(nsid, url.searchParams);
    let input: any;
    try {
      if (req.method !== expected) throw new Error(`${nsid} is a ${def.type}: expected ${expected}, got ${req.method}`);
      lexicons.assertValidXrpcParams(nsid, params);
      if (def.type === 'procedure' && raw) {
        input = JSON.parse(raw);
        lexicons.assertValidXrpcInput(nsid, input);
        if (nsid === 'com.atproto.repo.createRecord') lexicons.assertValidRecord(input.collection, input.record);
      }
    } catch (error) {
      violations.push(`${req.method} ${nsid}: ${(error as Error).message}`);
      return send(res, 400, { error: 'InvalidRequest', message: (error as Error).message }, headers);
    }
    const auth = req.headers.authorization;
    const call: XrpcCall = {
      nsid,
      params,
      input,
      token: auth?.startsWith('Bearer ') ? auth.slice(7) : undefined,
      proxy: req.headers['atproto-proxy'] as string | undefined,
    };
    requests.push({ ...call, method: req.method! });
    const reply = fx.handle(call);
    if (reply.status === 200) {
      try {
        lexicons.assertValidXrpcOutput(nsid, reply.body);
      } catch (error) {
        violations.push(`answer to ${nsid}: ${(error as Error).message}`);
      }
    }
    send(res, reply.status, reply.body, { ...headers, ...reply.headers });
  };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      try {
        serve(req, res, raw);
      } catch (error) {
        violations.push(`${req.method} ${req.url}: the fake failed: ${(error as Error).stack}`);
        send(res, 500, { error: 'InternalServerError', message: 'fake failed' }, {});
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    violations,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
