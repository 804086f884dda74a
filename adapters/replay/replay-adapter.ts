import fs from 'node:fs';
import type { ChannelAdapter, OutgoingPrivate, OutgoingReply, SendResult } from '../../src/core/channel-adapter.js';
import type { Mention } from '../../src/core/mention.js';
import { readLines } from '../../src/core/read-lines.js';
import { parseReplayLine } from './parse-replay-line.js';
import { ReplaySentLog } from './replay-sent-log.js';

export interface ReplayAdapterOptions {
  /** JSON-lines file to read, one mention per line. */
  file: string;
  /** Where "sent" messages are recorded (the demo's platform); memory only when omitted. */
  sentLog?: ReplaySentLog;
  batchSize?: number;
  /** Told about each line that cannot be read (awaited, so it can be stored); the stream goes on. */
  onBadLine?: (lineNumber: number, error: string, line: string) => void | Promise<void>;
}

/**
 * Reads a recorded stream of mentions (any channel) and hands it to the pipeline in batches. Replies and
 * private messages go to a sent log instead of a platform. Used by the demo, `replay --file`, the
 * benchmark and the tests.
 */
export class ReplayAdapter implements ChannelAdapter {
  readonly channel = 'replay';
  readonly sentLog: ReplaySentLog;
  private stopped = false;

  constructor(private readonly options: ReplayAdapterOptions) {
    this.sentLog = options.sentLog ?? new ReplaySentLog();
  }

  async start(onMentions: (batch: Mention[]) => Promise<void>): Promise<void> {
    const size = this.options.batchSize ?? 200;
    // Only \n and \r\n end a line: a bare \r inside a customer's text must not split one mention in two.
    const lines = readLines(fs.createReadStream(this.options.file, 'utf8'));
    let batch: Mention[] = [];
    let lineNumber = 0;
    for await (const line of lines) {
      lineNumber++;
      if (this.stopped) break;
      if (!line.trim()) continue;
      const parsed = parseReplayLine(line);
      if ('error' in parsed) {
        await this.options.onBadLine?.(lineNumber, parsed.error, line);
        continue;
      }
      batch.push(parsed.mention);
      if (batch.length >= size) {
        await onMentions(batch);
        batch = [];
      }
    }
    if (batch.length && !this.stopped) await onMentions(batch);
  }

  async reply(message: OutgoingReply): Promise<SendResult> {
    return this.deliver(message.idempotencyKey, 'reply', message.text, message.inReplyTo);
  }

  async sendPrivate(message: OutgoingPrivate): Promise<SendResult> {
    return this.deliver(message.idempotencyKey, 'private', message.text, message.recipient);
  }

  async findSent(idempotencyKey: string): Promise<SendResult | null> {
    const entry = this.sentLog.find(idempotencyKey);
    return entry ? { externalId: entry.externalId } : null;
  }

  async stop(): Promise<void> {
    this.stopped = true;
  }

  private deliver(key: string, kind: 'reply' | 'private', text: string, target: object): SendResult {
    const entry = this.sentLog.append({ key, kind, text, target: { ...target } });
    return { externalId: entry.externalId };
  }
}
