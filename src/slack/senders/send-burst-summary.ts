import { OutboundStatus } from '../../core/outbound.js';
import { readSetting, SettingKey } from '../../store/runtime-settings.js';
import { findMarkedInChannel, markerFor } from '../delivery/find-marked-message.js';
import { postMessage, toExternalId } from '../delivery/post-message.js';
import { renderBurstSummary } from '../render/render-burst-summary.js';
import { type KindSender, queuedAt } from './kind-sender.js';

/** slack_burst: the one summary message of a crisis; the waiting cases then thread under it. */
export const sendBurstSummary: KindSender = {
  async send(row, d) {
    const waiting = await d.db.outboundMessage.findMany({
      where: { kind: 'slack_case', status: { in: [OutboundStatus.Pending, OutboundStatus.Sending] } },
      select: { caseId: true },
    });
    const cases = await d.db.case.findMany({
      where: { id: { in: waiting.map((w) => w.caseId).filter((id): id is number => id !== null) } },
      select: { topic: true },
    });
    const topics: Record<string, number> = {};
    for (const c of cases) topics[c.topic] = (topics[c.topic] ?? 0) + 1;
    const paused = (await readSetting(d.db, SettingKey.AcknowledgementsPaused)) === 'true';
    const message = renderBurstSummary(
      { cases: Math.max(cases.length, 1), topics, acknowledgementsPaused: paused },
      markerFor(row.idempotencyKey),
    );
    return { externalId: toExternalId(await postMessage(d, d.config.channelId, message)) };
  },

  async findSent(row, d) {
    const found = await findMarkedInChannel(
      d,
      d.config.channelId,
      markerFor(row.idempotencyKey),
      await queuedAt(row, d),
    );
    return found ? { externalId: toExternalId({ channel: d.config.channelId, ts: found.ts }) } : null;
  },
};
