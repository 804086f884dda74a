import type { OutboundRow } from '../../core/outbound.js';
import { OutboundStatus } from '../../core/outbound.js';
import { enqueueIntents } from '../../store/enqueue-intents.js';
import { parseExternalId } from './post-message.js';
import type { SlackSendDeps } from './slack-send-deps.js';
import { waitingFor } from './to-send-error.js';

const IN_FLIGHT = [OutboundStatus.Pending, OutboundStatus.Sending];

/**
 * Where a new case's top message goes during a crisis. While a burst summary is active (posted within
 * the window, or a case joined it within the window), cases go into its thread. Otherwise, when the
 * cases waiting now plus those posted within the window reach `burstCases`, a summary is queued and the
 * cases wait for it. Returns the summary's ts to thread under, or undefined for the channel itself.
 */
export async function joinBurst(d: SlackSendDeps, row: OutboundRow): Promise<string | undefined> {
  const now = d.now();
  const windowStart = new Date(now.getTime() - d.config.burstWindowMinutes * 60_000);
  const burst = await d.db.outboundMessage.findFirst({
    where: { kind: 'slack_burst', purpose: 'burst_summary', status: { in: [...IN_FLIGHT, OutboundStatus.Sent] } },
    orderBy: { id: 'desc' },
    select: { id: true, status: true, externalId: true, createdAt: true },
  });
  if (burst && burst.status !== OutboundStatus.Sent && burst.createdAt >= windowStart)
    throw waitingFor('the burst summary');
  const summary = burst?.status === OutboundStatus.Sent ? parseExternalId(burst.externalId) : null;
  if (
    summary &&
    burst &&
    (burst.createdAt >= windowStart || (await lastJoinedAt(d, summary.ts)) >= windowStart) &&
    (await stillOpen(d, burst.createdAt, summary.ts, now))
  ) {
    // Cases that waited for the summary go first, so its thread lists the cases in the order they came.
    // Only cases never tried: one waiting for a check (posted or not?) must not hold up the rest.
    const earlier = await d.db.outboundMessage.count({
      where: {
        kind: 'slack_case',
        status: OutboundStatus.Pending,
        attempts: 0,
        id: { lt: row.id },
        notBefore: { lte: now },
      },
    });
    if (earlier) throw waitingFor('earlier cases of the burst');
    return summary.ts;
  }

  const waiting = await d.db.outboundMessage.count({
    where: { kind: 'slack_case', status: { in: IN_FLIGHT }, notBefore: { lte: now } },
  });
  const recent = await d.db.outboundMessage.count({
    where: { kind: 'slack_case', status: OutboundStatus.Sent, sentAt: { gte: windowStart } },
  });
  if (waiting + recent < d.config.burstCases) return undefined;
  await enqueueIntents(
    d.db,
    [
      {
        // One key per predecessor: every case that finds the last summary closed asks for the same next
        // one (two senders queue one summary), and a case that triggered a summary that filled up before
        // its turn can trigger the next (a key of its own would be taken, and it would wait forever).
        idempotencyKey: `slack:burst:after:${burst?.id ?? 0}`,
        channel: 'slack',
        kind: 'slack_burst',
        purpose: 'burst_summary',
        target: { triggeredBy: row.id },
        text: `${waiting + recent} new cases at once`,
      },
    ],
    now,
  );
  throw waitingFor('the burst summary');
}

async function lastJoinedAt(d: SlackSendDeps, summaryTs: string): Promise<Date> {
  const last = await d.db.outboundMessage.findFirst({
    where: { kind: 'slack_case', status: OutboundStatus.Sent, externalId: { endsWith: `/${summaryTs}` } },
    orderBy: { sentAt: 'desc' },
    select: { sentAt: true },
  });
  return last?.sentAt ?? new Date(0);
}

/**
 * A summary takes cases for at most SLACK_BURST_MAX_MINUTES and SLACK_BURST_MAX_CASES cases: a thread
 * of thousands is useless to a person, and a long spike gets a new summary instead.
 */
async function stillOpen(d: SlackSendDeps, createdAt: Date, summaryTs: string, now: Date): Promise<boolean> {
  const maxMinutes = d.config.burstMaxMinutes ?? 30;
  if (now.getTime() - createdAt.getTime() > maxMinutes * 60_000) return false;
  return (await roomInBurst(d, summaryTs)) > 0;
}

/** How many more cases the summary at `summaryTs` takes (SLACK_BURST_MAX_CASES minus those in its thread). */
export async function roomInBurst(d: SlackSendDeps, summaryTs: string): Promise<number> {
  const joined = await d.db.outboundMessage.count({
    where: { kind: 'slack_case', status: OutboundStatus.Sent, externalId: { endsWith: `/${summaryTs}` } },
  });
  return (d.config.burstMaxCases ?? 50) - joined;
}
