import type { DbTx } from '../../src/store/db-types.js';
import { ledgerDay, recordSpend, spentOnDay } from '../../src/store/spend-ledger.js';
import type { XConfig } from './x-settings.js';

// Dollars with float noise removed (0.001 * 3 is 0.0030000000000000005 in binary floating point).
const dollars = (usd: number) => Math.round(usd * 1e6) / 1e6;

/**
 * X's side of the spend ledger. Reads are billed per resource returned, and X bills a resource once per
 * UTC day however often it is read again: the ledger follows that, so re-reading the same DM events
 * every poll does not count as new spend. (Kept in memory: after a restart a resource may be counted
 * once more, so the ledger errs on the high side.)
 */
export class XSpend {
  private readonly billedToday = new Set<string>();
  private day = '';

  constructor(
    private readonly db: DbTx,
    private readonly now: () => Date,
  ) {}

  /** Records a read that returned these resource ids at `unitUsd` each; returns what it cost. */
  async recordRead(action: string, resourceIds: string[], unitUsd: number): Promise<number> {
    const at = this.now();
    if (ledgerDay(at) !== this.day) {
      this.day = ledgerDay(at);
      this.billedToday.clear();
    }
    const fresh = resourceIds.filter((id) => !this.billedToday.has(id));
    for (const id of fresh) this.billedToday.add(id);
    const costUsd = dollars(fresh.length * unitUsd);
    await recordSpend(this.db, { channel: 'x', action, costUsd, at });
    return costUsd;
  }

  /** True once today's X spend (reads and sends) reaches the daily budget. */
  async budgetReached(config: Pick<XConfig, 'dailyBudgetUsd'>): Promise<boolean> {
    return (await spentOnDay(this.db, 'x', this.now())) >= config.dailyBudgetUsd;
  }
}

/** The cost of one public reply: a URL makes it a "post with URL"; otherwise summoned or not. */
export function replyCostUsd(costs: XConfig['costs'], hasUrl: boolean, summoned: boolean): number {
  if (hasUrl) return costs.postWithUrl;
  return summoned ? costs.summonedReply : costs.post;
}
