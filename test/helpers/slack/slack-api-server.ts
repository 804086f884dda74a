import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { checkBlocks, checkView, findBroadcast } from './check-block-kit';
import { FakeFileUploads } from './fake-file-uploads';
import { FakeWorkspace } from './fake-workspace';
import type { SlackContract } from './slack-contract';

/** One Web API call the fake received (JSON fields such as blocks and view already parsed). */
export interface RecordedCall {
  method: string;
  params: Record<string, any>;
  at: number;
}

/** A forced answer for the next calls of a method: a 429 with Retry-After, an HTTP status, or a Slack error. */
export interface Fault {
  status?: number;
  retryAfter?: number;
  error?: string;
  times?: number;
}

const JSON_FIELDS = ['blocks', 'view', 'attachments', 'metadata'];

/**
 * A local Slack Web API on 127.0.0.1 that checks every call against Slack's published contract (the
 * method exists, parameters are known, required ones present, types right), the right token, Block Kit
 * limits and the no-broadcast rule, records it, and answers from a FakeWorkspace whose answers are
 * themselves checked against the contract. Problems are collected in `violations` (tests assert none).
 * It also takes response_url posts (`/respond/...`) and Socket Mode connections (`/link`).
 */
export class SlackApiServer {
  readonly workspace = new FakeWorkspace();
  readonly files = new FakeFileUploads();
  readonly calls: RecordedCall[] = [];
  readonly violations: string[] = [];
  readonly responses: Array<{ path: string; body: any }> = [];
  readonly sockets = new WebSocketServer({ noServer: true });
  private readonly faults = new Map<string, Fault[]>();
  private server!: http.Server;
  baseUrl = '';

  private constructor(
    private readonly contract: SlackContract,
    private readonly tokens: { bot: string; app?: string },
  ) {
    // Slack opens every Socket Mode connection with a hello; the client counts as connected from there.
    this.sockets.on('connection', (ws: WebSocket) =>
      ws.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          connection_info: { app_id: 'A0MENTIONS' },
          debug_info: { host: 'applink-fake', build_number: 1, approximate_connection_time: 18060 },
        }),
      ),
    );
  }

  static async start(contract: SlackContract, tokens: { bot: string; app?: string }): Promise<SlackApiServer> {
    const fake = new SlackApiServer(contract, tokens);
    fake.server = http.createServer((req, res) => void fake.handle(req, res));
    fake.server.on('upgrade', (req, socket, head) =>
      fake.sockets.handleUpgrade(req, socket, head, (ws) => fake.sockets.emit('connection', ws, req)),
    );
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.baseUrl = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  /** SLACK_API_URL for the app under test. */
  get apiUrl(): string {
    return `${this.baseUrl}/api`;
  }

  fail(method: string, fault: Fault): void {
    this.faults.set(method, [...(this.faults.get(method) ?? []), { times: 1, ...fault }]);
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  async close(): Promise<void> {
    // Let a Socket Mode client that is disconnecting finish its close handshake (else it waits on a timer).
    await Promise.all(
      [...this.sockets.clients].map(
        (ws) =>
          new Promise<void>((resolve) => {
            if (ws.readyState === ws.CLOSED) return resolve();
            ws.once('close', () => resolve());
            setTimeout(resolve, 1000).unref();
          }),
      ),
    );
    for (const ws of this.sockets.clients) ws.terminate();
    this.sockets.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    const raw = bytes.toString('utf8');
    const url = new URL(req.url ?? '/', this.baseUrl);
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (url.pathname.startsWith('/respond/')) {
      this.responses.push({ path: url.pathname, body: JSON.parse(raw || '{}') });
      return reply(200, { ok: true });
    }
    if (url.pathname.startsWith('/upload/')) {
      const ok = this.files.receive(
        url.pathname.slice('/upload/'.length),
        bytes,
        String(req.headers['content-type'] ?? ''),
      );
      if (!ok) this.violations.push(`upload to ${url.pathname} that was never handed out, or of the wrong size`);
      res.writeHead(ok ? 200 : 404, { 'content-type': 'text/plain' });
      return void res.end(ok ? `OK - ${bytes.length}` : 'not found');
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const strings = (req.headers['content-type'] ?? '').includes('json')
      ? stringify(JSON.parse(raw || '{}'))
      : Object.fromEntries(new URLSearchParams(raw));
    const params = parseJsonFields(strings);
    this.calls.push({ method, params, at: Date.now() });
    if (!this.check(method, strings, params, String(req.headers.authorization ?? '')))
      return reply(200, { ok: false, error: 'invalid_auth' });
    const fault = this.takeFault(method);
    if (fault?.status === 429 || fault?.retryAfter !== undefined)
      return reply(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(fault.retryAfter ?? 1) });
    if (fault?.status) return reply(fault.status, { ok: false, error: 'http_error' });
    if (fault?.error) return reply(200, { ok: false, error: fault.error });
    const answer =
      method === 'apps.connections.open'
        ? { ok: true, url: `${this.baseUrl.replace('http', 'ws')}/link` }
        : FakeFileUploads.METHODS.includes(method)
          ? this.files.answer(method, strings, this.baseUrl)
          : this.workspace.answer(method, params);
    if (answer.ok)
      this.violations.push(
        ...this.contract.checkResponse(method, answer).map((v) => `fake answered outside the contract: ${v}`),
      );
    reply(200, answer);
  }

  /** Records what breaks the contract; false when the token is wrong (Slack then answers invalid_auth). */
  private check(
    method: string,
    strings: Record<string, string>,
    params: Record<string, any>,
    authorization: string,
  ): boolean {
    const token = method === 'apps.connections.open' ? this.tokens.app : this.tokens.bot;
    if (authorization !== `Bearer ${token}`) {
      this.violations.push(`${method}: wrong or missing token`);
      return false;
    }
    this.violations.push(...this.contract.checkRequest(method, strings));
    if (params.blocks !== undefined) this.violations.push(...checkBlocks(params.blocks).map((p) => `${method}: ${p}`));
    if (params.view !== undefined) this.violations.push(...checkView(params.view).map((p) => `${method}: ${p}`));
    const broadcast = findBroadcast([params.text, params.blocks, params.view]);
    if (broadcast) this.violations.push(`${method}: would page the channel with ${broadcast}`);
    return true;
  }

  private takeFault(method: string): Fault | undefined {
    const list = this.faults.get(method);
    const fault = list?.[0];
    if (fault && --fault.times! <= 0) list!.shift();
    return fault;
  }

  /** Resolves with the next Socket Mode connection. */
  nextSocket(): Promise<WebSocket> {
    return new Promise((resolve) => this.sockets.once('connection', (ws: WebSocket) => resolve(ws)));
  }
}

function stringify(body: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
}

function parseJsonFields(strings: Record<string, string>): Record<string, any> {
  const out: Record<string, any> = { ...strings };
  for (const f of JSON_FIELDS) {
    if (typeof out[f] === 'string') {
      try {
        out[f] = JSON.parse(out[f]);
      } catch {
        // Left as a string: the contract check reports what Slack would refuse.
      }
    }
  }
  return out;
}
