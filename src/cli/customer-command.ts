import type { AppContext } from '../app/open-app.js';
import { exportCustomer } from '../cases/export-customer.js';
import { findCustomers } from '../cases/find-customers.js';
import { forgetCustomer } from '../cases/forget-customer.js';
import { AppError, ErrorCode } from '../core/app-error.js';

const USAGE = 'usage: mention-desk customer export <handle|channel:handle|#case> | forget <handle…> --yes';

/**
 * `mention-desk customer export <handle>`: everything stored about the person, as one JSON document on
 * stdout. `mention-desk customer forget <handle> --yes`: erase them (without --yes, says what would go).
 * A handle on several channels of different people must be named as `channel:handle`.
 */
export async function runCustomer(
  app: AppContext,
  rest: string[],
  yes: boolean,
  write: (line: string) => void,
): Promise<void> {
  const [action, who] = rest;
  if ((action !== 'export' && action !== 'forget') || !who) throw new AppError(ErrorCode.BadInput, USAGE);
  const found = await findCustomers(app.db, who);
  if (!found.length) throw new AppError(ErrorCode.BadInput, `no customer is known as "${who}"`);
  if (found.length > 1) {
    const list = found.map((f) => f.identities.map((i) => `${i.channel}:${i.handle}`).join(', ')).join(' | ');
    throw new AppError(
      ErrorCode.BadInput,
      `"${who}" names ${found.length} different people (${list}): use channel:handle`,
    );
  }
  const customerId = found[0].customerId;
  const at = new Date();
  if (action === 'export') {
    const doc = await exportCustomer(app.db, { customerId, actor: 'cli', at });
    write(JSON.stringify(doc, null, 2));
    return;
  }
  if (!yes) {
    const mentions = await app.db.mention.count({ where: { customerId } });
    throw new AppError(
      ErrorCode.BadInput,
      `this erases ${found[0].identities.length} identities and ` +
        `${mentions} posts of "${who}" for good; add --yes to do it`,
    );
  }
  const summary = await forgetCustomer(app.db, { customerId, actor: 'cli', at });
  write(
    `forgotten: ${summary!.identities} identities, ${summary!.mentions} posts erased (counts kept), ` +
      `${summary!.pendingRemoved} pending messages removed`,
  );
}
