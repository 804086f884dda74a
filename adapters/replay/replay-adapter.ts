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
  /**
   * Moves every post's times forward by whole days, so the latest lands in the day before this instant
   * (the demo: a sample recorded weeks ago still fills `digest --since 7d`, and keeps its times of day).
   */
  shiftTimesBefore?: Date;
}

const DAY_MS = 86_400_000;

/** Whole days that bring `latest` into the day before `now` (0 when it is already there or later). */
export function wholeDaysBetween(latest: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - latest.getTime()) / DAY_MS));
}

function shifted(m: Mention, ms: number): Mention {
  if (!ms) return m;
  return {
    ...m,
    createdAt: new Date(m.createdAt.getTime() + ms),
    ...(m.editedAt ? { editedAt: new Date(m.editedAt.getTime() + ms) } : {}),
  };
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
    const shiftMs = this.options.shiftTimesBefore
      ? (await this.daysToShift(this.options.shiftTimesBefore)) * DAY_MS
      : 0;
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
      batch.push(shifted(parsed.mention, shiftMs));
      if (batch.length >= size) {
        await onMentions(batch);
        batch = [];
      }
    }
    if (batch.length && !this.stopped) await onMentions(batch);
  }

  /** A first pass over the file for its latest post time (the demo's file is small). */
  private async daysToShift(now: Date): Promise<number> {
    let latest: Date | undefined;
    for await (const line of readLines(fs.createReadStream(this.options.file, 'utf8'))) {
      const parsed = line.trim() ? parseReplayLine(line) : undefined;
      if (parsed && 'mention' in parsed && (!latest || parsed.mention.createdAt > latest))
        latest = parsed.mention.createdAt;
    }
    return latest ? wholeDaysBetween(latest, now) : 0;
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
