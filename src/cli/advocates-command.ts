import type { AppContext } from '../app/open-app.js';
import { listAdvocates } from '../cases/manage-advocates.js';

/**
 * `mention-desk advocates`: the team members' linked accounts. Text: one line each; `--json`: one JSON
 * object per line. The verification code is left out: it proves an account and is no one else's business.
 */
export async function runAdvocates(app: AppContext, json: boolean, out: (line: string) => void): Promise<void> {
  const advocates = await listAdvocates(app.db);
  const replies = await app.db.mention.groupBy({
    by: ['advocateId'],
    where: { advocateId: { in: advocates.map((a) => a.id) } },
    _count: { _all: true },
  });
  const count = new Map(replies.map((r) => [r.advocateId, r._count._all]));
  if (!json && !advocates.length)
    return out('No staff advocates linked yet (Slack: /mentions advocate add x:@handle).');
  for (const a of advocates) {
    const row = {
      slackUserId: a.slackUserId,
      channel: a.channel,
      handle: a.handle,
      accountId: a.accountId,
      verified: a.verifiedAt !== null,
      verifiedAt: a.verifiedAt?.toISOString() ?? null,
      linkedAt: a.createdAt.toISOString(),
      replies: count.get(a.id) ?? 0,
    };
    out(
      json
        ? JSON.stringify(row)
        : `${row.slackUserId}\t${row.channel}:@${row.handle}\t` +
            `${row.verified ? `verified ${row.verifiedAt}` : 'not verified'}\t` +
            `${row.replies} replies`,
    );
  }
}
