import type { DrainResult } from '../outbox/outbox-sender.js';
import type { MentionOutcome } from '../pipeline/pipeline-deps.js';
import type { FailedMention } from '../pipeline/process-stream.js';

/** Running totals of a replay or demo run, for the closing summary. */
export class RunSummary {
  read = 0;
  fresh = 0;
  edited = 0;
  duplicates = 0;
  ownPosts = 0;
  badLines = 0;
  failed = 0;
  casesOpened = 0;
  readonly decisions: Record<string, number> = {};
  readonly outbox: DrainResult = { sent: 0, retried: 0, failed: 0, held: 0 };

  addOutcomes(outcomes: MentionOutcome[], failed: FailedMention[]): void {
    this.read += outcomes.length + failed.length;
    this.failed += failed.length;
    for (const o of outcomes) {
      if (o.status === 'duplicate') this.duplicates++;
      else if (o.status === 'own_post') this.ownPosts++;
      // A live Discord reply between people that concerns no case: read, nothing else (replays have none).
      else if (o.status === 'unrelated_reply') continue;
      else {
        if (o.status === 'edited') this.edited++;
        else this.fresh++;
        const action = o.decision.action;
        this.decisions[action] = (this.decisions[action] ?? 0) + 1;
        if (o.caseOpened) this.casesOpened++;
      }
    }
  }

  addDrain(d: DrainResult): void {
    for (const k of Object.keys(d) as Array<keyof DrainResult>) this.outbox[k] += d[k];
  }

  toJSON() {
    const { read, fresh, edited, duplicates, ownPosts, badLines, failed, casesOpened, decisions, outbox } = this;
    return { read, new: fresh, edited, duplicates, ownPosts, badLines, failed, casesOpened, decisions, outbox };
  }

  /** The closing lines a person reads. */
  toText(): string {
    const decisions =
      Object.entries(this.decisions)
        .map(([k, v]) => `${k.replace(/_/g, ' ')} ${v}`)
        .join(', ') || 'none';
    return [
      `Summary: ${this.read} mentions read: ${this.fresh} new, ` +
        `${this.edited} edited, ${this.duplicates} already seen, ` +
        `${this.ownPosts} own posts, ${this.badLines} unreadable lines, ${this.failed} failed`,
      `  decisions: ${decisions}`,
      `  cases opened: ${this.casesOpened}; messages sent: ` +
        `${this.outbox.sent}, waiting to retry: ${this.outbox.retried}, ` +
        `held for a person: ${this.outbox.held}, failed: ${this.outbox.failed}`,
    ].join('\n');
  }
}
