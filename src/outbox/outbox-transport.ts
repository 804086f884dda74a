import type { ChannelAdapter, SendResult } from '../core/channel-adapter.js';
import type { OutboundRow } from '../core/outbound.js';
import { parseJson } from '../store/db-types.js';

/** Sends one kind of outbound message (a channel adapter, Slack, the console). */
export interface OutboxTransport {
  send(row: OutboundRow): Promise<SendResult>;
  /** Whether the message with this key already went out (null: certainly not). See ChannelAdapter.findSent. */
  findSent?(row: OutboundRow): Promise<SendResult | null>;
  /** findSent for several rows at once (one platform read for all); one answer per row, in order. */
  findSentMany?(rows: OutboundRow[]): Promise<Array<SendResult | null | undefined>>;
  /**
   * True when sends are local and instant (the replay log, a recording stand-in) and findSent answers
   * from the transport's own record: the sender then claims, starts and records a lane's rows a few
   * hundred at a time (one statement to start them, one transaction to record them). Never for a real
   * platform: there a later message reads what an earlier one recorded (a Slack thread line needs its case
   * message's ts), and a crash must leave few rows to check with the platform (issue 17).
   */
  recordInBatches?: boolean;
}

/** A channel adapter as an outbox transport: public replies and private messages. */
export function adapterTransport(adapter: ChannelAdapter): OutboxTransport {
  const kindOf = (row: OutboundRow) => (row.kind === 'private_message' ? 'private' : 'reply');
  return {
    async send(row) {
      // biome-ignore lint/suspicious/noExplicitAny: the stored target is JSON whose shape depends on the kind.
      const target = parseJson<Record<string, any>>(row.target, {});
      if (kindOf(row) === 'private') {
        return adapter.sendPrivate({
          idempotencyKey: row.idempotencyKey,
          text: row.text,
          recipient: target.recipient,
          place: target.place,
        });
      }
      return adapter.reply({ idempotencyKey: row.idempotencyKey, text: row.text, inReplyTo: target.inReplyTo });
    },
    findSent: adapter.findSent
      ? (row) => adapter.findSent!(row.idempotencyKey, kindOf(row), parseJson(row.target, {}), row.text, row.createdAt)
      : undefined,
    findSentMany: adapter.findSentMany
      ? (rows) =>
          adapter.findSentMany!(
            rows.map((row) => ({
              idempotencyKey: row.idempotencyKey,
              kind: kindOf(row),
              target: parseJson(row.target, {}),
              text: row.text,
              since: row.createdAt,
            })),
          )
      : undefined,
  };
}
