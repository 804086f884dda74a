import type { LiveChannel } from '../../src/core/live-channel.js';
import type { OutboundRow } from '../../src/core/outbound.js';
import type { Logger } from '../../src/log/create-logger.js';
import type { Db } from '../../src/store/create-db.js';
import { XAdapter } from './x-adapter.js';
import type { Sleep } from './x-context.js';
import { X_RULES } from './x-rules.js';
import type { XConfig } from './x-settings.js';
import type { XSpend } from './x-spend.js';

/** X's DM deep link to the brand: a customer who follows it opens a DM to the brand (and so writes first). */
export function dmLink(brandUserId: string): string {
  return `https://x.com/messages/compose?recipient_id=${encodeURIComponent(brandUserId)}`;
}

// What the pipeline queues without a person: the acknowledgement and the DM invitation.
const AUTOMATIC: ReadonlySet<string> = new Set(['acknowledgement', 'invitation']);

/**
 * Asked by the outbox before each X send: an automatic message queued before the day's budget ran out,
 * or before its customer said "stop", is held for a person instead of sent. Messages a person sends
 * from Slack pass.
 */
export function xOutboxGuard(
  db: Db,
  config: XConfig,
  spend: XSpend,
): (row: OutboundRow) => Promise<string | undefined> {
  return async (row) => {
    if (row.channel !== 'x' || !AUTOMATIC.has(row.purpose)) return undefined;
    if (row.caseId !== null) {
      const found = await db.case.findUnique({
        where: { id: row.caseId },
        select: { customer: { select: { optedOutAt: true } } },
      });
      if (found?.customer.optedOutAt) return 'the customer opted out ("stop"): no automatic message';
    }
    return (await spend.budgetReached(config)) ? 'budget reached' : undefined;
  };
}

/** What the X channel needs from the running app (tests pass their own). */
export interface XChannelApp {
  brand: { handles: string[] };
  db: Db;
  logger: Logger;
}

/**
 * The X channel: its adapter, and what it adds to the pipeline: the brand's user id (its own posts are
 * ignored), the private-message pointer (words, or the DM deep link when X_DM_LINK is on), and the
 * day's budget, which turns acknowledgements into cases held with "budget reached".
 */
export function buildXChannel(
  app: XChannelApp,
  x: XConfig,
  clock: { now?: () => Date; sleep?: Sleep } = {},
): LiveChannel & { adapter: XAdapter } {
  const adapter = new XAdapter({
    config: x,
    db: app.db,
    logger: app.logger,
    brandHandles: app.brand.handles,
    ...clock,
  });
  return {
    adapter,
    pipeline: {
      accountIds: [x.brandUserId],
      rules: () => (x.dmLink ? { ...X_RULES, pointerKind: 'x-link' } : X_RULES),
      pointerValues: (): Record<string, string> => (x.dmLink ? { dm_link: dmLink(x.brandUserId) } : {}),
      budgetReached: () => adapter.spend.budgetReached(x),
    },
    outboxGuard: xOutboxGuard(app.db, x, adapter.spend),
  };
}
