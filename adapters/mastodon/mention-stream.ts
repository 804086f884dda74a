import { createStreamingAPIClient, type mastodon } from 'masto';
import WebSocket from 'ws';
import type { Logger } from '../../src/log/create-logger.js';

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

  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly hooks: StreamHooks,
    private readonly logger: Logger,
  ) {}

  start(): void {
    const hooks = this.hooks;
    class TrackedWebSocket extends WebSocket {
      constructor(address: string | URL, protocols?: string | string[]) {
        super(address, protocols);
        this.on('open', () => hooks.onOpen());
        this.on('close', (code) => hooks.onClose(code));
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

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    client?.close();
    await this.consuming;
  }
}
