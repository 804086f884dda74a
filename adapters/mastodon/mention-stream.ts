import { createStreamingAPIClient, type mastodon } from 'masto';
import WebSocket from 'ws';
import type { Logger } from '../../src/log/create-logger.js';

/** How long stop() waits for masto's pending socket (its first connection waits about a second). */
const STOP_WAIT_MS = 5_000;

/** What the stream tells the adapter. */
export interface StreamHooks {
  /** A connection opened (the first, or a reconnection): the adapter backfills what the stream missed. */
  onOpen(): void;
  /** A connection closed; masto reconnects with its backoff. */
  onClose(code: number): void;
  /** A notification of type mention arrived live. */
  onMention(notification: mastodon.v1.Notification): void;
}

/**
 * The user stream (`user:notification`) over masto's WebSocket client. masto reconnects and
 * resubscribes by itself with exponential backoff; a WebSocket class of our own tells the adapter when
 * a connection opens, because the stream replays nothing missed while it was down.
 */
export class MentionStream {
  private client?: mastodon.streaming.Client;
  private consuming?: Promise<void>;
  private stopped = false;
  /** The last socket masto made, and a promise that settles when it is closed. */
  private socket?: { ws: WebSocket; closed: Promise<void> };
  private madeSocket?: () => void;

  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly hooks: StreamHooks,
    private readonly logger: Logger,
  ) {}

  start(): void {
    const hooks = this.hooks;
    const stream = this;
    class TrackedWebSocket extends WebSocket {
      constructor(address: string | URL, protocols?: string | string[]) {
        super(address, protocols);
        const closed = new Promise<void>((resolve) => this.once('close', () => resolve()));
        stream.socket = { ws: this, closed };
        stream.madeSocket?.();
        // masto waits out its backoff before connecting and does not look again whether it was closed
        // meanwhile: a socket made after stop() is closed as soon as it opens, and reported to nobody.
        this.on('open', () => (stream.stopped ? this.close() : hooks.onOpen()));
        this.on('close', (code) => stream.stopped || hooks.onClose(code));
        this.on('error', () => undefined); // masto sees the error too and reconnects
      }
    }
    this.client = createStreamingAPIClient({
      streamingApiUrl: this.url,
      accessToken: this.token,
      implementation: TrackedWebSocket,
      retry: true,
      log: 'error',
    });
    const subscription = this.client.user.notification.subscribe();
    this.consuming = (async () => {
      try {
        for await (const event of subscription) {
          if (event.event === 'notification' && event.payload.type === 'mention') hooks.onMention(event.payload);
        }
      } catch (error) {
        // Ends with close(); anything else is logged, and the REST poll keeps mentions coming.
        if (this.client)
          this.logger.warn({ error: (error as Error).message }, 'Mastodon stream ended; the REST poll carries on');
      }
    })();
  }

  /**
   * Closes the stream. If masto is still waiting to make its first socket (its backoff starts with a
   * pause), stop waits for that socket and closes it, so no connection outlives the adapter.
   */
  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.stopped = true;
    if (client && !this.socket) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, STOP_WAIT_MS);
        this.madeSocket = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    client?.close();
    const socket = this.socket;
    if (socket && socket.ws.readyState !== WebSocket.CLOSED) {
      if (socket.ws.readyState === WebSocket.OPEN) socket.ws.close();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([socket.closed, new Promise((r) => (timer = setTimeout(r, STOP_WAIT_MS)))]);
      clearTimeout(timer);
    }
    await this.consuming;
  }
}
