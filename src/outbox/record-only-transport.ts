import type { OutboxTransport } from './outbox-transport.js';

/**
 * Stands in for Slack when it is not configured (the demo): accepts every message and records it, so
 * the outbox and the cases behave as they would; the console shows what would have been posted.
 */
export function recordOnlyTransport(name: string): OutboxTransport & { sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    recordInBatches: true,
    async send(row) {
      sent.push(row.text);
      return { externalId: `${name}/${row.idempotencyKey}` };
    },
    async findSent(row) {
      return sent.length && sent.includes(row.text) ? { externalId: `${name}/${row.idempotencyKey}` } : null;
    },
  };
}
