import type { CaseEventType } from '../cases/case-event-type.js';
import { caseUpdateIntent } from '../cases/case-intents.js';
import { compareIdentities } from '../cases/compare-identities.js';
import { extractContactClues } from '../cases/extract-contact-clues.js';
import { bulkInsert } from '../store/bulk-insert.js';
import type { DbTx } from '../store/db-types.js';
import { enqueueIntents } from '../store/enqueue-intents.js';
import { rawReader, selectRows, sqlList } from '../store/prepared-select.js';
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
    const sameName = await findSameNames(tx, names, [...batch.keys()]);
    const byName = new Map<string, Known[]>();
    for (const b of sameName) {
      const alike = byName.get(b.name);
      if (alike) alike.push(b);
      else byName.set(b.name, [b]);
    }
    for (const a of batch.values())
      for (const b of byName.get(a.name) ?? []) {
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
  const wanted = new Map<string, { caseId: number; who: Known; reason: string }>();
  const want = (caseId: number | undefined, who: Known, reason: string) => {
    if (caseId !== undefined && !wanted.has(`${caseId}:${who.id}`))
      wanted.set(`${caseId}:${who.id}`, { caseId, who, reason });
  };
  for (const { a, b, reason } of pairs) {
    want(open.get(a.customerId)?.at(-1)?.id, b, reason);
    want(open.get(b.customerId)?.at(-1)?.id, a, reason);
  }
  if (!wanted.size) return;
  // One read for what was already suggested (or answered): a person who writes often is not re-checked one by one.
  const known = await findSuggested(tx, [...new Set([...wanted.values()].map((w) => w.caseId))]);
  for (const k of known) wanted.delete(`${k.caseId}:${k.identityId}`);
  if (wanted.size) await insertSuggestions(tx, [...wanted.values()], now);
}

// Other people's identities with one of `names` (at most 1,000: a common name suggests nothing useful).
async function findSameNames(tx: DbTx, names: string[], exceptIds: number[]): Promise<Known[]> {
  const raw = rawReader(tx);
  if (!raw)
    return tx.identity.findMany({
      where: { name: { in: names }, id: { notIn: exceptIds } },
      select: { id: true, customerId: true, channel: true, handle: true, name: true },
      take: 1000,
    });
  return selectRows<Known>(
    raw,
    `SELECT "id", "customerId", "channel", "handle", "name" FROM "Identity"
     WHERE "name" IN (SELECT value FROM json_each(?)) AND "id" NOT IN (SELECT value FROM json_each(?)) LIMIT 1000`,
    [sqlList(names), sqlList(exceptIds)],
  );
}

// The identities already suggested (or answered) for each of `caseIds`.
async function findSuggested(tx: DbTx, caseIds: number[]): Promise<Array<{ caseId: number; identityId: number }>> {
  const raw = rawReader(tx);
  if (!raw)
    return tx.linkSuggestion.findMany({
      where: { caseId: { in: caseIds } },
      select: { caseId: true, identityId: true },
    });
  return selectRows(
    raw,
    `SELECT "caseId", "identityId" FROM "LinkSuggestion" WHERE "caseId" IN (SELECT value FROM json_each(?))`,
    [sqlList(caseIds)],
  );
}

// The suggestions, their audit events and the top-message updates: three statements for the whole batch.
async function insertSuggestions(
  tx: DbTx,
  rows: Array<{ caseId: number; who: Known; reason: string }>,
  now: Date,
): Promise<void> {
  await bulkInsert(
    tx,
    'LinkSuggestion',
    rows.map((r) => ({ caseId: r.caseId, identityId: r.who.id, reason: r.reason, status: 'pending', createdAt: now })),
  );
  const events = await bulkInsert<{ id: number; caseId: number }>(
    tx,
    'CaseEvent',
    rows.map((r) => ({
      caseId: r.caseId,
      at: now,
      actor: 'bot',
      type: 'link_suggested' satisfies CaseEventType,
      detail: JSON.stringify({
        identityId: r.who.id,
        channel: r.who.channel,
        handle: r.who.handle,
        name: r.who.name,
        reason: r.reason,
      }),
    })),
    ['id', 'caseId'],
  );
  // The top message shows the suggestion with its buttons: one re-render per case, no thread line (the
  // thread is for what happened; a suggestion is a question, and Slack's posting rate is shared).
  const byCase = new Map<number, number>();
  for (const e of events) byCase.set(Number(e.caseId), Math.max(byCase.get(Number(e.caseId)) ?? 0, Number(e.id)));
  await enqueueIntents(
    tx,
    [...byCase].map(([caseId, eventId]) => caseUpdateIntent(caseId, `event:${eventId}`)),
    now,
  );
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
