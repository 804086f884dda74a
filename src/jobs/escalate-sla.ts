import { escalateForSla } from '../cases/escalate-for-sla.js';
import { businessMinutesBetween, isBusinessTime } from '../config/business-hours.js';
import type { JobsConfig } from '../config/jobs-settings.js';
import { OPEN_CASE_STATUSES } from '../core/case-status.js';
import { formatMinutes } from '../digest/summary-stats.js';
import type { Db } from '../store/create-db.js';

type OpenCase = {
  id: number;
  ownerSlackId: string | null;
  openedAt: Date;
  claimedAt: Date | null;
  lastEscalatedAt: Date | null;
  escalationCount: number;
};

/** Why a case breaches its SLA at `now`, or undefined. Pure. */
export function slaBreach(c: OpenCase, jobs: JobsConfig, now: Date): string | undefined {
  const hours = jobs.businessHours;
  if (c.lastEscalatedAt && businessMinutesBetween(hours, c.lastEscalatedAt, now) < jobs.sla.repeatMinutes)
    return undefined;
  if (!c.ownerSlackId) {
    const waited = businessMinutesBetween(hours, c.openedAt, now);
    if (waited >= jobs.sla.unclaimedMinutes)
      return (
        `unclaimed for ${formatMinutes(waited)} of business time (limit ` +
        `${formatMinutes(jobs.sla.unclaimedMinutes)})`
      );
    return undefined;
  }
  const waited = businessMinutesBetween(hours, c.claimedAt ?? c.openedAt, now);
  if (waited >= jobs.sla.noReplyMinutes)
    return (
      `claimed by ${c.ownerSlackId} but no reply to the customer for ` +
      `${formatMinutes(waited)} of business time (limit ` +
      `${formatMinutes(jobs.sla.noReplyMinutes)})`
    );
  return undefined;
}

/**
 * Escalates every case past its SLA: into its thread, pinging the on-call person or group (SLACK_ONCALL), and again
 * every SLA_REPEAT_MINUTES until someone claims or replies. Only during business hours. Two instances
 * cannot escalate the same case twice: each escalation is a conditional update on the last one.
 */
export async function escalateSla(db: Db, jobs: JobsConfig, now: Date, onCall?: string): Promise<number[]> {
  if (!isBusinessTime(jobs.businessHours, now)) return [];
  const open = await db.case.findMany({
    where: { status: { in: [...OPEN_CASE_STATUSES] }, firstHumanReplyAt: null },
    select: {
      id: true,
      ownerSlackId: true,
      openedAt: true,
      claimedAt: true,
      lastEscalatedAt: true,
      escalationCount: true,
    },
  });
  const escalated: number[] = [];
  for (const c of open) {
    const reason = slaBreach(c, jobs, now);
    if (!reason) continue;
    const done = await escalateForSla(db, { caseId: c.id, seenCount: c.escalationCount, reason, onCall, at: now });
    if (done) escalated.push(c.id);
  }
  return escalated;
}
