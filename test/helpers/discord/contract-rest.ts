import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import addFormats from 'ajv-formats';
import { type Context, OpenAPIBackend } from 'openapi-backend';

/** Discord's published OpenAPI description (../shared/contracts), absent on machines without it. */
export const DISCORD_CONTRACT = path.resolve(__dirname, '../../../../shared/contracts/discord_openapi.json');

let shared: Promise<OpenAPIBackend> | undefined;

/**
 * The contract, loaded once per test worker: ajv compiles each operation's schemas on first use (about
 * a second for create_message), so servers share one validator and pass themselves to its handlers.
 */
function contractApi(): Promise<OpenAPIBackend> {
  shared ??= (async () => {
    const api = new OpenAPIBackend({
      definition: JSON.parse(fs.readFileSync(DISCORD_CONTRACT, 'utf8')),
      apiRoot: '/api/v10',
      quick: true,
      validate: true,
      customizeAjv: (ajv) => {
        addFormats(ajv);
        ajv.addFormat('snowflake', /^(0|[1-9][0-9]*)$/);
        ajv.addFormat('nonce', true);
        ajv.addFormat('int64', true);
        ajv.addFormat('int32', true);
        return ajv;
      },
    });
    api.registerSecurityHandler('BotToken', (c: Context) =>
      /^Bot \S+$/.test(String(c.request.headers.authorization ?? '')),
    );
    api.register({
      validationFail: (c: Context, rest: ContractRest) =>
        rest.refuse(
          c,
          `${c.request.method.toUpperCase()} ${c.request.path}: ${JSON.stringify(c.validation.errors).slice(0, 600)}`,
        ),
      unauthorizedHandler: () => ({ status: 401, body: { message: '401: Unauthorized', code: 0 } }),
      notFound: (c: Context, rest: ContractRest) =>
        rest.refuse(c, `no such path in the contract: ${c.request.method.toUpperCase()} ${c.request.path}`, 404),
      notImplemented: (c: Context, rest: ContractRest) => rest.answer(c),
    });
    await api.init();
    return api;
  })();
  return shared;
}

/** A request as the fake received it, after the contract check. */
export interface RecordedRequest {
  operationId: string;
  method: string;
  path: string;
  query: Record<string, string>;
  body: any;
}

/** What a handler answers. */
export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type OperationHandler = (
  req: RecordedRequest,
  params: Record<string, string>,
) => FakeResponse | Promise<FakeResponse>;

/**
 * A local Discord REST server that checks every request against Discord's published contract
 * (openapi-backend, served under /api/v10 as discord.js calls it) and every 2xx body it answers against
 * the same contract, so fixtures stay realistic. Broken requests are answered like Discord does (400,
 * code 50035) and recorded in `violations`; a test asserts there are none.
 */
export class ContractRest {
  readonly requests: RecordedRequest[] = [];
  readonly violations: string[] = [];
  private server?: http.Server;
  url = '';

  private constructor(
    private readonly api: OpenAPIBackend,
    private readonly handlers: Record<string, OperationHandler>,
  ) {}

  static async start(handlers: Record<string, OperationHandler>): Promise<ContractRest> {
    const rest = new ContractRest(await contractApi(), handlers);
    rest.server = http.createServer((req, res) => void rest.serve(req, res));
    await new Promise<void>((resolve) => rest.server!.listen(0, '127.0.0.1', resolve));
    rest.url = `http://127.0.0.1:${(rest.server.address() as AddressInfo).port}/api`;
    return rest;
  }

  /** Requests of one operation (e.g. create_message), in order. */
  calls(operationId: string): RecordedRequest[] {
    return this.requests.filter((r) => r.operationId === operationId);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** @internal Answers a request the contract found broken (or could not route). */
  refuse(_c: Context, violation: string, status = 400): FakeResponse {
    this.violations.push(violation);
    return { status, body: { message: 'Invalid Form Body', code: 50035, errors: {} } };
  }

  /** @internal Answers a request the contract accepted. */
  async answer(c: Context): Promise<FakeResponse> {
    const operationId = c.operation.operationId!;
    const req: RecordedRequest = {
      operationId,
      method: c.request.method.toUpperCase(),
      path: c.request.path,
      query: c.request.query as Record<string, string>,
      body: c.request.requestBody,
    };
    this.requests.push(req);
    const handler = this.handlers[operationId];
    if (!handler) return this.refuse(c, `the fake does not serve ${operationId}`, 501);
    const res = await handler(req, c.request.params as Record<string, string>);
    if (res.status < 300 && res.body !== undefined) {
      const check = this.api.validateResponse(res.body, c.operation, res.status);
      if (check.errors?.length)
        this.violations.push(
          `response of ${operationId} breaks the contract: ${JSON.stringify(check.errors).slice(0, 600)}`,
        );
    }
    return res;
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    const out: FakeResponse = await this.api.handleRequest(
      {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers as Record<string, string>,
        body,
      },
      this,
    );
    res.writeHead(out.status, { 'content-type': 'application/json', ...out.headers });
    res.end(out.body === undefined ? '' : JSON.stringify(out.body));
  }
}
