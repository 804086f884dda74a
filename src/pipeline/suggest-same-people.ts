import { compareIdentities } from '../cases/compare-identities.js';
import { extractContactClues } from '../cases/extract-contact-clues.js';
import { suggestLink } from '../cases/suggest-link.js';
import { bulkInsert } from '../store/bulk-insert.js';
import type { DbTx } from '../store/db-types.js';
import { findOpenCases } from './link-authors.js';
import type { MentionOutcome } from './pipeline-deps.js';

interface Known {
  id: number;
  customerId: number;
  channel: string;
  handle: string;
  name: string;
}

/**
 * Suggestions, never automatic links: after a batch is stored, pairs of identities of different
 * customers that look like one person (same display name and a similar handle across channels; the
 * same e-mail address or order number given in private messages) are shown on whichever side has an
 * open case. One indexed look-up by name and one by clue per batch, so ingest stays as fast.
 */
export async function suggestSamePeople(tx: DbTx, decided: MentionOutcome[], now: Date): Promise<void> {
  const stored = decided.filter((o) => o.identityId !== undefined && o.customerId !== undefined);
  if (!stored.length) return;
  const batch = new Map<number, Known>();
  for (const o of stored) {
    const a = o.mention.author;
    batch.set(o.identityId!, { id: o.identityId!, customerId: o.customerId!, channel: o.mention.channel, ...pick(a) });
  }
  const pairs: Array<{ a: Known; b: Known; reason: string }> = [];
  const names = [...new Set([...batch.values()].map((i) => i.name).filter((n) => n.length >= 3))];
  if (names.length) {
    const sameName = await tx.identity.findMany({
      where: { name: { in: names }, id: { notIn: [...batch.keys()] } },
      select: { id: true, customerId: true, channel: true, handle: true, name: true },
      take: 1000,
    });
    for (const a of batch.values())
      for (const b of sameName) {
        const reason = a.customerId !== b.customerId ? compareIdentities(a, b) : null;
        if (reason) pairs.push({ a, b, reason });
      }
  }
  pairs.push(...(await pairsByClue(tx, stored, batch, now)));
  if (!pairs.length) return;
  const open = await findOpenCases(
    tx,
    pairs.flatMap((p) => [p.a.customerId, p.b.customerId]),
  );
  for (const { a, b, reason } of pairs) {
    const onA = open.get(a.customerId);
    const onB = open.get(b.customerId);
    if (onA !== undefined) await suggestLink(tx, { caseId: onA, identityId: b.id, reason, at: now });
    if (onB !== undefined) await suggestLink(tx, { caseId: onB, identityId: a.id, reason, at: now });
  }
}

const pick = (a: { handle: string; name: string }) => ({ handle: a.handle, name: a.name });

// Clues from this batch's private messages are stored, then matched against everyone's earlier ones.
async function pairsByClue(
  tx: DbTx,
  stored: MentionOutcome[],
  batch: Map<number, Known>,
  now: Date,
): Promise<Array<{ a: Known; b: Known; reason: string }>> {
  const rows = stored
    .filter((o) => o.mention.isPrivate && o.mentionId !== undefined)
    .flatMap((o) =>
      extractContactClues(o.mention.text).map((c) => ({
        ...c,
        identityId: o.identityId!,
        mentionId: o.mentionId!,
        at: now,
      })),
    );
  if (!rows.length) return [];
  const matches = await tx.contactClue.findMany({
    where: { OR: rows.map((r) => ({ kind: r.kind, value: r.value })), identityId: { notIn: [...batch.keys()] } },
    select: { kind: true, value: true, identityId: true },
    take: 1000,
  });
  await bulkInsert(tx, 'ContactClue', rows);
  if (!matches.length) return [];
  const others = await tx.identity.findMany({
    where: { id: { in: [...new Set(matches.map((m) => m.identityId))] } },
    select: { id: true, customerId: true, channel: true, handle: true, name: true },
  });
  const byId = new Map(others.map((o) => [o.id, o]));
  const out: Array<{ a: Known; b: Known; reason: string }> = [];
  for (const r of rows)
    for (const m of matches.filter((x) => x.kind === r.kind && x.value === r.value)) {
      const a = batch.get(r.identityId)!;
      const b = byId.get(m.identityId);
      if (b && a.customerId !== b.customerId)
        out.push({
          a,
          b,
          reason: `the same ${r.kind === 'email' ? 'e-mail address' : 'order number'} in private messages`,
        });
    }
  return out;
}
