import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import addFormats from 'ajv-formats';
import OpenAPIBackend from 'openapi-backend';
import type { FakeX } from './fake-x';
import { verifyOAuth1 } from './oauth1-signature';
import { X_KEYS } from './x-fixtures';

/** X's published OpenAPI contract (../shared/contracts, beside the checkout). */
export const X_CONTRACT = path.resolve(__dirname, '../../../shared/contracts/x-api-v2.openapi.json');

/** Why contract tests cannot run here, or undefined when they can. */
export const xContractMissing = fs.existsSync(X_CONTRACT)
  ? undefined
  : `X contract tests skipped: ${X_CONTRACT} is absent (see ../shared/contracts/README.md)`;

let contract: Promise<OpenAPIBackend> | undefined;

// Loaded once per test file: the contract is large, and not strictly valid (hence quick: true).
function loadContract(): Promise<OpenAPIBackend> {
  contract ??= (async () => {
    // The contract repeats an item in one enum (dm_events expansions), which Ajv's check of the schema
    // itself refuses: that check is off; requests and responses are still validated against it.
    const api = new OpenAPIBackend({
      definition: X_CONTRACT,
      quick: true,
      validate: true,
      ajvOpts: { validateSchema: false },
      customizeAjv: (ajv) => {
        addFormats(ajv);
        return ajv;
      },
    });
    await api.init();
    return api;
  })();
  return contract;
}

/** A request the fake received, after it passed the contract. */
export interface SeenRequest {
  operationId: string;
  method: string;
  path: string;
  query: Record<string, string>;
  body: any;
}

export interface XContractServer {
  url: string;
  /** Every request that matched an operation and passed the contract, in order. */
  requests: SeenRequest[];
  /** Every request or response that broke the contract (tests expect none). */
  violations: string[];
  close(): Promise<void>;
}

const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string>) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
};

/**
 * A local X on 127.0.0.1: every request is checked against X's OpenAPI contract and its OAuth 1.0a
 * signature, then answered by `fx` (realistic fixtures); 2xx answers are checked against the contract
 * too. Rate-limit headers come with every answer, as on X.
 */
export async function startXContractServer(fx: FakeX, keys = X_KEYS): Promise<XContractServer> {
  const api = await loadContract();
  const requests: SeenRequest[] = [];
  const violations: string[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      try {
        serve(req, res, raw);
      } catch (error) {
        violations.push(`${req.method} ${req.url}: the fake failed: ${(error as Error).message}`);
        json(res, 500, { title: 'Internal Error', detail: 'fake failed', type: 'about:blank', status: 500 }, {});
      }
    });
  });
  const serve = (req: http.IncomingMessage, res: http.ServerResponse, raw: string) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query = Object.fromEntries(url.searchParams);
    const body = raw ? JSON.parse(raw) : undefined;
    const request = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query,
      headers: req.headers as Record<string, string>,
      body,
    };
    const reset = String(Math.floor(fx.now().getTime() / 1000) + 900);
    const limits = { 'x-rate-limit-limit': '300', 'x-rate-limit-remaining': '299', 'x-rate-limit-reset': reset };
    const operation = api.matchOperation(request);
    if (!operation?.operationId) {
      violations.push(`${request.method} ${request.path}: no such operation in the contract`);
      return json(
        res,
        404,
        { title: 'Not Found Error', detail: 'no such endpoint', type: 'about:blank', status: 404 },
        limits,
      );
    }
    const valid = api.validateRequest(request, operation);
    if (!valid.valid) {
      const why = (valid.errors ?? [])
        .map((e) => `${e.instancePath} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`)
        .join('; ');
      violations.push(`${request.method} ${request.path} (${operation.operationId}): ${why}`);
      return json(
        res,
        400,
        {
          title: 'Invalid Request',
          detail: why,
          type: 'https://api.x.com/2/problems/invalid-request',
          errors: [{ message: why }],
        },
        limits,
      );
    }
    const authProblem = verifyOAuth1(
      {
        method: request.method,
        url: `https://api.x.com${url.pathname}`,
        query,
        authorization: req.headers.authorization,
      },
      keys,
    );
    if (authProblem)
      return json(
        res,
        401,
        { title: 'Unauthorized', detail: 'Unauthorized', type: 'about:blank', status: 401 },
        limits,
      );
    const params = api.router.parseRequest(request, operation).params as Record<string, string>;
    requests.push({ operationId: operation.operationId, method: request.method, path: url.pathname, query, body });
    const reply = fx.handle(operation.operationId, { query, params, body });
    if (reply.status < 300) {
      const checked = api.validateResponse(reply.body, operation, reply.status);
      if (!checked.valid) violations.push(`response to ${operation.operationId}: ${JSON.stringify(checked.errors)}`);
    }
    json(res, reply.status, reply.body, { ...limits, ...reply.headers });
  };
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
