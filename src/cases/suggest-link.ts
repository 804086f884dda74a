import type { DbTx } from '../store/db-types.js';
import { recordCaseChange } from './record-case-change.js';

/**
 * Shows "possibly the same person as …" on a case, once per case and identity: a suggestion a person
 * answered (linked or "not the same") is never made again. Returns whether a new one was made.
 */
export async function suggestLink(
  tx: DbTx,
  input: { caseId: number; identityId: number; reason: string; at: Date },
): Promise<boolean> {
  const existing = await tx.linkSuggestion.findUnique({
    where: { caseId_identityId: { caseId: input.caseId, identityId: input.identityId } },
    select: { id: true },
  });
  if (existing) return false;
  const identity = await tx.identity.findUnique({
    where: { id: input.identityId },
    select: { channel: true, handle: true, name: true },
  });
  if (!identity) return false;
  const row = await tx.linkSuggestion.create({
    data: { caseId: input.caseId, identityId: input.identityId, reason: input.reason, createdAt: input.at },
    select: { id: true },
  });
  await recordCaseChange(tx, {
    caseId: input.caseId,
    actor: 'bot',
    type: 'link_suggested',
    at: input.at,
    detail: { suggestionId: row.id, identityId: input.identityId, ...identity, reason: input.reason },
  });
  return true;
}
