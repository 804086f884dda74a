import { findMarkedInThread, markerFor } from '../delivery/find-marked-message.js';
import { locateCaseThread } from '../delivery/locate-case-thread.js';
import { postMessage, toExternalId } from '../delivery/post-message.js';
import { renderThreadMessage } from '../render/render-thread-message.js';
import { type KindSender, queuedAt, targetId } from './kind-sender.js';

/** slack_thread: a later event about a case, into its thread (waits until the case's message is posted). */
export const sendThreadMessage: KindSender = {
  async send(row, d) {
    const caseId = targetId(row, 'caseId');
    const thread = await locateCaseThread(d, caseId);
    const marker = markerFor(row.idempotencyKey);
    const message = await renderThreadMessage(d.db, row, { caseId, inBurst: thread.inBurst, marker });
    return { externalId: toExternalId(await postMessage(d, thread.channel, message, thread.root), thread.root) };
  },

  async findSent(row, d) {
    const thread = await locateCaseThread(d, targetId(row, 'caseId'));
    const since = await queuedAt(row, d);
    const found = await findMarkedInThread(d, thread.channel, thread.root, markerFor(row.idempotencyKey), since);
    return found ? { externalId: toExternalId({ channel: thread.channel, ts: found.ts }, thread.root) } : null;
  },
};
