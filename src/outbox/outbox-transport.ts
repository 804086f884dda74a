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
  /**
   * Rows that may go out as one platform message share a key here (Slack: the case messages of a burst);
   * undefined for a row that only goes alone. Only with sendTogether.
   */
  togetherKey?(row: OutboundRow): string | undefined;
  /**
   * Sends claimed rows of one togetherKey as one message where the platform allows it, so a backlog drains
   * several messages per post. It picks how many go (at least the first, in order) and passes exactly
   * those to `start` before sending: `start` marks them sending and returns the ones still this sender's.
   * Returns an outcome for each row it started; rows it never started go on as usual.
   */
  sendTogether?(rows: OutboundRow[], start: StartRows): Promise<TogetherOutcome[]>;
}

/** Marks rows as being sent (the outbox's claim check and guard); returns the ones that may go. */
export type StartRows = (rows: OutboundRow[]) => Promise<OutboundRow[]>;

/** What became of one row sent together with others: its result, or why it did not go. */
export type TogetherOutcome = { row: OutboundRow; result: SendResult } | { row: OutboundRow; error: unknown };

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

/**
 * findSent for each row, one after the other (each may read the platform under a budget: all at once would
 * spend it in one go). A refusal after the first answers leaves the rest unchecked (undefined), still
 * unconfirmed; a refusal of the first is the whole check's.
 */
export async function findSentOneByOne(
  rows: OutboundRow[],
  check: (row: OutboundRow) => Promise<SendResult | null>,
): Promise<Array<SendResult | null | undefined>> {
  const answers: Array<SendResult | null | undefined> = [];
  for (const row of rows) {
    try {
      answers.push(await check(row));
    } catch (error) {
      if (!answers.length) throw error;
      break;
    }
  }
  return rows.map((_, i) => answers[i]);
}
