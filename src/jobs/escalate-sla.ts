import type { JobsConfig } from '../config/jobs-settings.js';
import { formatMinutes } from '../digest/summary-stats.js';
import { enqueueIntents } from '../outbox/outbound-intent.js';
import { slackThreadIntent } from '../pipeline/plan-intents.js';
import type { Db } from '../store/create-db.js';
import { OPEN_CASE_STATUSES } from '../store/db-types.js';
import { businessMinutesBetween, isBusinessTime } from './business-hours.js';

type OpenCase = { id: number; ownerSlackId: string | null; openedAt: Date; claimedAt: Date | null; lastEscalatedAt: Date | null; escalationCount: number };

/** Why a case breaches its SLA at `now`, or undefined. Pure. */
export function slaBreach(c: OpenCase, jobs: JobsConfig, now: Date): string | undefined {
  const hours = jobs.businessHours;
  if (c.lastEscalatedAt && businessMinutesBetween(hours, c.lastEscalatedAt, now) < jobs.sla.repeatMinutes) return undefined;
  if (!c.ownerSlackId) {
    const waited = businessMinutesBetween(hours, c.openedAt, now);
    if (waited >= jobs.sla.unclaimedMinutes) return `unclaimed for ${formatMinutes(waited)} of business time (limit ${formatMinutes(jobs.sla.unclaimedMinutes)})`;
    return undefined;
  }
  const waited = businessMinutesBetween(hours, c.claimedAt ?? c.openedAt, now);
  if (waited >= jobs.sla.noReplyMinutes) return `claimed by ${c.ownerSlackId} but no reply to the customer for ${formatMinutes(waited)} of business time (limit ${formatMinutes(jobs.sla.noReplyMinutes)})`;
  return undefined;
}

/**
 * Escalates every case past its SLA: into its thread, pinging the on-call person or group, and again
 * every SLA_REPEAT_MINUTES until someone claims or replies. Only during business hours. Two instances
 * cannot escalate the same case twice: each escalation is a conditional update on the last one.
 */
export async function escalateSla(db: Db, jobs: JobsConfig, now: Date): Promise<number[]> {
  if (!isBusinessTime(jobs.businessHours, now)) return [];
  const open = await db.case.findMany({
    where: { status: { in: [...OPEN_CASE_STATUSES] }, firstHumanReplyAt: null },
    select: { id: true, ownerSlackId: true, openedAt: true, claimedAt: true, lastEscalatedAt: true, escalationCount: true },
  });
  const escalated: number[] = [];
  for (const c of open) {
    const reason = slaBreach(c, jobs, now);
    if (!reason) continue;
    const count = c.escalationCount + 1;
    const done = await db.$transaction(async (tx) => {
      const won = await tx.case.updateMany({
        where: { id: c.id, escalationCount: c.escalationCount },
        data: { escalationCount: count, lastEscalatedAt: now, escalatedAt: c.escalationCount === 0 ? now : undefined, updatedAt: now },
      });
      if (won.count !== 1) return false;
      await tx.caseEvent.create({ data: { caseId: c.id, at: now, actor: 'bot', type: 'sla_escalated', detail: JSON.stringify({ reason, count }) } });
      const intent = slackThreadIntent(c.id, `sla:${count}`, `SLA escalation ${count} for case #${c.id}: ${reason}.`);
      await enqueueIntents(tx, [{ ...intent, target: { ...intent.target, ping: jobs.sla.oncallSlackId ?? null } }], now);
      return true;
    });
    if (done) escalated.push(c.id);
  }
  return escalated;
}
