import type { App, webApi } from '@slack/bolt';
import { describeError } from '../../core/app-error.js';
import { OPEN_CASE_STATUSES } from '../../core/case-status.js';
import type { DeskDeps } from '../desk-deps.js';
import { type HomeCase, renderHome, renderHomeRefusal } from '../render/render-home.js';

const MAX_CASES = 30;

/** The user's own open cases, oldest first, with links to their threads. */
async function loadHomeCases(deps: DeskDeps, client: webApi.WebClient, userId: string): Promise<HomeCase[]> {
  const rows = await deps.db.case.findMany({
    where: { ownerSlackId: userId, status: { in: [...OPEN_CASE_STATUSES] } },
    orderBy: { openedAt: 'asc' },
    take: MAX_CASES,
    include: {
      customer: { select: { displayName: true } },
      mentions: { orderBy: { id: 'asc' }, take: 1, select: { text: true } },
    },
  });
  return Promise.all(
    rows.map(async (c) => {
      const link =
        c.slackChannel && c.slackTs
          ? await client.chat.getPermalink({ channel: c.slackChannel, message_ts: c.slackTs }).catch(() => undefined)
          : undefined;
      return {
        id: c.id,
        status: c.status,
        ownerSlackId: c.ownerSlackId,
        claimedAt: c.claimedAt,
        topic: c.topic,
        severity: c.severity,
        customerName: c.customer.displayName,
        channel: c.channel,
        text: c.mentions[0]?.text ?? '',
        permalink: link?.permalink,
      };
    }),
  );
}

/** The App Home tab, published each time someone opens it. */
export function registerAppHome(app: App, deps: DeskDeps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    try {
      if (!(await deps.isMember(event.user))) {
        await client.views.publish({ user_id: event.user, view: renderHomeRefusal() });
        return;
      }
      const unclaimed = await deps.db.case.count({
        where: { status: { in: [...OPEN_CASE_STATUSES] }, ownerSlackId: null },
      });
      const cases = await loadHomeCases(deps, client, event.user);
      await client.views.publish({ user_id: event.user, view: renderHome(cases, unclaimed, deps.config.channelId) });
    } catch (error) {
      deps.logger.error({ user: event.user, error: describeError(error) }, 'App Home not published');
    }
  });
}
