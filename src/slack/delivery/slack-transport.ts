import { SendError, type SendResult } from '../../core/channel-adapter.js';
import type { OutboundRow } from '../../core/outbound.js';
import { findSentOneByOne, type OutboxTransport } from '../../outbox/outbox-transport.js';
import type { KindSender } from '../senders/kind-sender.js';
import { sendAlert, sendAlertUpdate } from '../senders/send-alert.js';
import { sendBurstSummary } from '../senders/send-burst-summary.js';
import { sendCaseMessage } from '../senders/send-case-message.js';
import { sendCaseUpdate } from '../senders/send-case-update.js';
import { sendDigest } from '../senders/send-digest.js';
import { sendDirect } from '../senders/send-direct.js';
import { sendHandoff } from '../senders/send-handoff.js';
import { sendMaybeMissed, sendMaybeMissedUpdate } from '../senders/send-maybe-missed.js';
import { sendNotice } from '../senders/send-notice.js';
import { sendThreadMessage } from '../senders/send-thread-message.js';
import type { SlackSendDeps } from './slack-send-deps.js';
import { toSendError } from './to-send-error.js';

/** How each outbox kind on the `slack` channel is sent. A new kind (a manager digest...) is one entry here. */
export const SLACK_SENDERS: Record<string, KindSender> = {
  slack_case: sendCaseMessage,
  slack_thread: sendThreadMessage,
  slack_alert: sendAlert,
  slack_case_update: sendCaseUpdate,
  slack_alert_update: sendAlertUpdate,
  slack_burst: sendBurstSummary,
  slack_handoff: sendHandoff,
  slack_notice: sendNotice,
  slack_direct: sendDirect,
  slack_digest: sendDigest,
  slack_maybe_missed: sendMaybeMissed,
  slack_maybe_missed_update: sendMaybeMissedUpdate,
};

/**
 * The outbox transport for Slack: dispatches each row by kind, maps Slack's errors (429 with its
 * Retry-After, platform errors) to SendErrors, and answers findSent from the messages' markers.
 */
export function createSlackTransport(
  deps: SlackSendDeps,
  senders: Record<string, KindSender> = SLACK_SENDERS,
): OutboxTransport {
  const senderFor = (kind: string): KindSender => {
    const sender = senders[kind];
    if (!sender) throw new SendError('rejected', `no Slack sender for outbox kind "${kind}"`, false);
    return sender;
  };
  return {
    async send(row) {
      try {
        return await senderFor(row.kind).send(row, deps);
      } catch (error) {
        throw toSendError(error);
      }
    },
    togetherKey: (row) => (senders[row.kind]?.sendTogether ? row.kind : undefined),
    async sendTogether(rows, start) {
      try {
        const outcomes = await senderFor(rows[0].kind).sendTogether!(rows, deps, start);
        return outcomes.map((o) => ('error' in o ? { row: o.row, error: toSendError(o.error) } : o));
      } catch (error) {
        throw toSendError(error);
      }
    },
    // The unconfirmed rows of a drain in one go: per kind, one read for all where the kind can (case
    // messages), one after the other otherwise. A refusal after some answers leaves the rest unchecked.
    async findSentMany(rows) {
      const answers: Array<SendResult | null | undefined> = rows.map(() => undefined);
      let answered = 0;
      for (const [kind, indexes] of indexesByKind(rows)) {
        const sender = senderFor(kind);
        const batch = indexes.map((i) => rows[i]);
        try {
          const got = sender.findSentMany
            ? await sender.findSentMany(batch, deps)
            : await findSentOneByOne(batch, (row) =>
                sender.findSent ? sender.findSent(row, deps) : Promise.resolve(null),
              );
          got.forEach((answer, j) => {
            answers[indexes[j]] = answer;
            if (answer !== undefined) answered++;
          });
        } catch (error) {
          if (!answered) throw toSendError(error);
          break;
        }
      }
      return answers;
    },
    async findSent(row) {
      const sender = senderFor(row.kind);
      if (!sender.findSent) return null;
      try {
        return await sender.findSent(row, deps);
      } catch (error) {
        throw toSendError(error);
      }
    },
  };
}

function indexesByKind(rows: OutboundRow[]): Map<string, number[]> {
  const byKind = new Map<string, number[]>();
  rows.forEach((row, i) => byKind.set(row.kind, [...(byKind.get(row.kind) ?? []), i]));
  return byKind;
}
