import type { AddressInfo } from 'node:net';
import {
  type APIUser,
  GatewayDispatchEvents,
  type GatewayDispatchPayload,
  type GatewayGuildCreateDispatchData,
  type GatewayIdentifyData,
  GatewayOpcodes,
  type GatewayReceivePayload,
  type GatewayResumeData,
  type GatewaySendPayload,
} from 'discord-api-types/v10';
import { WebSocket, WebSocketServer } from 'ws';

/**
 * A local Discord gateway speaking the real protocol to the real discord.js client: HELLO, IDENTIFY
 * answered by READY and GUILD_CREATE, heartbeats acknowledged, RESUME answered by replaying what was
 * dispatched since the client's sequence, then RESUMED. Tests dispatch events, drop the connection,
 * invalidate the session or take the whole gateway down and bring it back on the same port.
 */
export class FakeGateway {
  readonly identifies: GatewayIdentifyData[] = [];
  readonly resumes: GatewayResumeData[] = [];
  /** Connection attempts accepted (each new WebSocket). */
  connections = 0;
  /** Set to a close code (4004 bad token, 4014 disallowed intents) to refuse the next IDENTIFY with it. */
  refuseIdentify?: number;
  /** The next this many connections get no HELLO (opened into a network stall: accepted, then silent). */
  withholdHello = 0;
  private server?: WebSocketServer;
  private socket?: WebSocket;
  private port = 0;
  private sessionId = '';
  private seq = 0;
  /** Dispatches of the current session, for replay on RESUME. */
  private history: Array<{ s: number; t: string; d: unknown }> = [];

  constructor(private readonly world: { bot: APIUser; guilds: () => GatewayGuildCreateDispatchData[] }) {}

  get url(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** Whether a client is connected and identified or resumed. */
  get connected(): boolean {
    return this.socket?.readyState === WebSocket.OPEN && this.sessionId !== '';
  }

  async start(): Promise<void> {
    this.server = new WebSocketServer({ host: '127.0.0.1', port: this.port });
    await new Promise<void>((resolve) => this.server!.once('listening', () => resolve()));
    this.port = (this.server.address() as AddressInfo).port;
    this.server.on('connection', (socket) => this.accept(socket));
  }

  /** Sends an event to the client; kept for replay if the client is away (it resumes later). */
  dispatch(t: GatewayDispatchEvents | string, d: unknown): void {
    const s = ++this.seq;
    this.history.push({ s, t, d });
    if (this.socket?.readyState === WebSocket.OPEN)
      this.send({ op: GatewayOpcodes.Dispatch, t, s, d } as GatewayDispatchPayload);
  }

  /** Closes the connection as Discord does on a hiccup (4000: resume allowed). */
  drop(code = 4000): void {
    this.socket?.close(code, 'fake gateway: dropped');
  }

  /** Tells the client its session cannot be resumed: it must identify again (and catch up). */
  invalidateSession(): void {
    this.sessionId = '';
    this.send({ op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
  }

  /** Takes the gateway down (connections refused) until start() runs again. */
  async stop(): Promise<void> {
    for (const client of this.server?.clients ?? []) client.terminate();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
    this.socket = undefined;
  }

  private accept(socket: WebSocket): void {
    this.connections++;
    this.socket?.terminate();
    this.socket = socket;
    socket.on('message', (raw) => this.receive(socket, JSON.parse(String(raw)) as GatewaySendPayload));
    if (this.withholdHello > 0) {
      this.withholdHello--;
      return;
    }
    this.send({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: 41_250 }, s: null, t: null });
  }

  private receive(socket: WebSocket, payload: GatewaySendPayload): void {
    if (socket !== this.socket) return;
    if (payload.op === GatewayOpcodes.Heartbeat)
      return this.send({ op: GatewayOpcodes.HeartbeatAck, d: undefined, s: null, t: null } as GatewayReceivePayload);
    if (payload.op === GatewayOpcodes.Identify) return this.identify(payload.d);
    if (payload.op === GatewayOpcodes.Resume) return this.resume(payload.d);
  }

  private identify(d: GatewayIdentifyData): void {
    this.identifies.push(d);
    if (this.refuseIdentify) return void this.socket?.close(this.refuseIdentify, 'fake gateway: refused');
    this.sessionId = `session-${this.identifies.length}`;
    this.seq = 0;
    this.history = [];
    const guilds = this.world.guilds();
    this.dispatch(GatewayDispatchEvents.Ready, {
      v: 10,
      user: this.world.bot,
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: this.sessionId,
      resume_gateway_url: this.url,
      shard: [0, 1],
      application: { id: this.world.bot.id, flags: 0 },
    });
    for (const guild of guilds) this.dispatch(GatewayDispatchEvents.GuildCreate, guild);
  }

  private resume(d: GatewayResumeData): void {
    this.resumes.push(d);
    if (d.session_id !== this.sessionId)
      return this.send({ op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
    for (const event of this.history.filter((e) => e.s > d.seq)) {
      this.send({ op: GatewayOpcodes.Dispatch, t: event.t, s: event.s, d: event.d } as GatewayDispatchPayload);
    }
    this.dispatch(GatewayDispatchEvents.Resumed, {});
  }

  private send(payload: GatewayReceivePayload): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(payload));
  }
}
