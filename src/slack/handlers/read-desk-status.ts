import { CaseStatus, OPEN_CASE_STATUSES } from '../../core/case-status.js';
import { OutboundStatus } from '../../core/outbound.js';
import type { DbTx } from '../../store/db-types.js';
import { readSetting, SettingKey } from '../../store/runtime-settings.js';
import { channelName, formatSlackDate } from '../render/format-slack-text.js';

/** The desk at a glance, for `/mentions status`. */
export interface DeskStatus {
  open: number;
  unclaimed: number;
  escalated: number;
  oldestUnclaimed: { id: number; openedAt: Date } | null;
  pausedBySwitch: boolean;
  slackWaiting: number;
  /** Open cases by the customer's channel (x, discord, bluesky, mastodon...), most first. */
  openByChannel: Array<{ channel: string; open: number }>;
}

/** Counts open and unclaimed cases, finds the oldest unclaimed one, and reads the crisis switch. */
export async function readDeskStatus(db: DbTx): Promise<DeskStatus> {
  const open = { status: { in: [...OPEN_CASE_STATUSES] } };
  const [openCount, unclaimed, escalated, oldest, paused, slackWaiting, byChannel] = await Promise.all([
    db.case.count({ where: open }),
    db.case.count({ where: { ...open, ownerSlackId: null } }),
    db.case.count({ where: { status: CaseStatus.Escalated } }),
    db.case.findFirst({
      where: { ...open, ownerSlackId: null },
      orderBy: { openedAt: 'asc' },
      select: { id: true, openedAt: true },
    }),
    readSetting(db, SettingKey.AcknowledgementsPaused),
    db.outboundMessage.count({ where: { channel: 'slack', status: OutboundStatus.Pending } }),
    db.case.groupBy({ by: ['channel'], where: open, _count: { _all: true } }),
  ]);
  return {
    open: openCount,
    unclaimed,
    escalated,
    oldestUnclaimed: oldest,
    pausedBySwitch: paused === 'true',
    slackWaiting,
    openByChannel: byChannel
      .map((g) => ({ channel: g.channel, open: g._count._all }))
      .sort((a, b) => b.open - a.open || a.channel.localeCompare(b.channel)),
  };
}

/** The status as one ephemeral message (mrkdwn; no outside text). */
export function describeDeskStatus(s: DeskStatus, acknowledgeAutomatically: boolean, now: Date): string {
  const ack = !acknowledgeAutomatically
    ? 'off in the configuration (ACKNOWLEDGE_AUTOMATICALLY=false)'
    : s.pausedBySwitch
      ? '*paused* (`/mentions resume` turns them back on)'
      : 'on (`/mentions pause` is the kill switch)';
  const oldest = s.oldestUnclaimed
    ? `oldest unclaimed: case #${s.oldestUnclaimed.id}, waiting ` +
      `${formatAge(now.getTime() - s.oldestUnclaimed.openedAt.getTime())} (since ` +
      `${formatSlackDate(s.oldestUnclaimed.openedAt)})`
    : 'nothing unclaimed';
  // Channel names are ours (the channel list), never outside text.
  const byChannel = s.openByChannel.map((c) => `${channelName(c.channel)} ${c.open}`).join(', ');
  return [
    `*Desk status*: ${s.open} open case${s.open === 1 ? '' : 's'}, ` +
      `${s.unclaimed} unclaimed, ${s.escalated} escalated; ${oldest}.`,
    ...(byChannel ? [`Open cases by channel: ${byChannel}.`] : []),
    `Automatic acknowledgements: ${ack}.`,
    `Slack messages waiting to be posted: ${s.slackWaiting}.`,
  ].join('\n');
}

function formatAge(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 90) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} days`;
}
