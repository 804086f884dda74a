import { SendError, type SendResult } from '../../src/core/channel-adapter';
import type { OutboundRow } from '../../src/core/outbound';
import type { OutboxTransport } from '../../src/outbox/outbox-transport';

/**
 * A fake platform for outbox tests: records what it accepted, and can be told how the next sends
 * behave (fail with an error, or accept and then never answer: the process "dies" mid-send).
 */
export class FakePlatform implements OutboxTransport {
  readonly accepted: OutboundRow[] = [];
  readonly calls: string[] = [];
  private plan: Array<'ok' | 'hang-after-accept' | 'hang-before-accept' | Error> = [];
  canFind = true;

  next(...steps: Array<'ok' | 'hang-after-accept' | 'hang-before-accept' | Error>): this {
    this.plan.push(...steps);
    return this;
  }

  async send(row: OutboundRow): Promise<SendResult> {
    this.calls.push(`send:${row.idempotencyKey}`);
    const step = this.plan.shift() ?? 'ok';
    if (step instanceof Error) throw step;
    if (step === 'hang-before-accept') return new Promise<never>(() => undefined);
    this.accepted.push(row);
    if (step === 'hang-after-accept') return new Promise<never>(() => undefined);
    return { externalId: `ext-${this.accepted.length}` };
  }

  get findSent() {
    if (!this.canFind) return undefined;
    return async (row: OutboundRow) => {
      this.calls.push(`find:${row.idempotencyKey}`);
      const i = this.accepted.findIndex((a) => a.idempotencyKey === row.idempotencyKey);
      return i >= 0 ? { externalId: `ext-${i + 1}` } : null;
    };
  }
}

export const rateLimited = (ms: number) => new SendError('rate_limited', '429 Too Many Requests', true, ms);
export const serverError = () => new SendError('server', '503 Service Unavailable', true);
export const authError = () => new SendError('auth', '401 Unauthorized', false);
