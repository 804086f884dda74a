import { CaseStatus, OPEN_CASE_STATUSES } from '../core/case-status.js';
import type { Mention } from '../core/mention.js';
import { bulkInsert } from '../store/bulk-insert.js';
import type { DbTx } from '../store/db-types.js';
import { rawReader, selectRows, sqlList, storedDate } from '../store/prepared-select.js';

/** The customer behind an author, with what the policy needs to know about them. */
export interface AuthorLink {
  identityId: number;
  customerId: number;
  optedOut: boolean;
  /** When this person last wrote to the brand in private on this channel. */
  lastPrivateInboundAt: Date | null;
}

const identityKey = (channel: string, externalId: string) => `${channel}:${externalId}`;

/**
 * Links every author in the batch to a Customer through their channel Identity, creating both the
 * first time someone writes. One customer may have many identities (merged later by a person).
 */
export async function linkAuthors(db: DbTx, mentions: Mention[], now: Date): Promise<Map<string, AuthorLink>> {
  const links = new Map<string, AuthorLink>();
  const byChannel = new Map<string, Set<string>>();
  for (const m of mentions) byChannel.set(m.channel, (byChannel.get(m.channel) ?? new Set()).add(m.author.id));
  for (const [channel, ids] of byChannel) {
    for (const r of await findIdentities(db, channel, [...ids])) {
      links.set(identityKey(channel, r.externalId), {
        identityId: r.id,
        customerId: r.customerId,
        optedOut: r.optedOut,
        lastPrivateInboundAt: r.lastPrivateInboundAt,
      });
    }
  }
  const newcomers = new Map<string, Mention>();
  for (const m of mentions) {
    const key = identityKey(m.channel, m.author.id);
    if (!links.has(key) && !newcomers.has(key)) newcomers.set(key, m);
  }
  if (newcomers.size) await createCustomers(db, newcomers, links, now);
  return links;
}

// The stored identities among `externalIds` on `channel`, with whether their customer opted out.
async function findIdentities(db: DbTx, channel: string, externalIds: string[]) {
  const raw = rawReader(db);
  if (raw) {
    const rows = selectRows<{ id: number; externalId: string; customerId: number; last: unknown; optedOut: number }>(
      raw,
      `SELECT i."id", i."externalId", i."customerId", i."lastPrivateInboundAt" AS "last",
         c."optedOutAt" IS NOT NULL AS "optedOut"
       FROM "Identity" i JOIN "Customer" c ON c."id" = i."customerId"
       WHERE i."channel" = ? AND i."externalId" IN (SELECT value FROM json_each(?))`,
      [channel, sqlList(externalIds)],
    );
    return rows.map((r) => ({ ...r, optedOut: r.optedOut === 1, lastPrivateInboundAt: storedDate(r.last) }));
  }
  const rows = await db.identity.findMany({
    where: { channel, externalId: { in: externalIds } },
    select: {
      id: true,
      externalId: true,
      customerId: true,
      lastPrivateInboundAt: true,
      customer: { select: { optedOutAt: true } },
    },
  });
  return rows.map((r) => ({ ...r, optedOut: r.customer.optedOutAt !== null }));
}

// Two statements for any number of newcomers: customers keyed by their first identity, then identities.
async function createCustomers(
  db: DbTx,
  newcomers: Map<string, Mention>,
  links: Map<string, AuthorLink>,
  now: Date,
): Promise<void> {
  const entries = [...newcomers];
  const customers = await bulkInsert<{ id: number; firstIdentityKey: string }>(
    db,
    'Customer',
    entries.map(([key, m]) => ({
      displayName: m.author.name || m.author.handle,
      firstIdentityKey: key,
      createdAt: now,
    })),
    ['id', 'firstIdentityKey'],
  );
  const customerOf = new Map(customers.map((c) => [c.firstIdentityKey, Number(c.id)]));
  const identities = await bulkInsert<{ id: number; channel: string; externalId: string; customerId: number }>(
    db,
    'Identity',
    entries.map(([key, m]) => {
      const customerId = customerOf.get(key);
      if (customerId === undefined) throw new Error(`no customer created for ${key}`);
      return {
        customerId,
        channel: m.channel,
        externalId: m.author.id,
        handle: m.author.handle,
        name: m.author.name,
        createdAt: now,
      };
    }),
    ['id', 'channel', 'externalId', 'customerId'],
  );
  for (const i of identities) {
    links.set(identityKey(i.channel, i.externalId), {
      identityId: Number(i.id),
      customerId: Number(i.customerId),
      optedOut: false,
      lastPrivateInboundAt: null,
    });
  }
}

/** The link of a mention's author (after linkAuthors ran on its batch). */
export function linkOf(links: Map<string, AuthorLink>, m: Mention): AuthorLink {
  const link = links.get(identityKey(m.channel, m.author.id));
  if (!link) throw new Error(`no customer linked for ${m.channel} author ${m.author.id}`);
  return link;
}

/** An open case and what it is about. */
export interface OpenCase {
  id: number;
  topic: string;
}

/** Each customer's open cases, oldest first, by customer id (a person may have one per story). */
export async function findOpenCases(db: DbTx, customerIds: number[]): Promise<Map<number, OpenCase[]>> {
  const ids = [...new Set(customerIds)];
  const raw = rawReader(db);
  const rows = raw
    ? selectRows<{ id: number; customerId: number; topic: string }>(
        raw,
        `SELECT "id", "customerId", "topic" FROM "Case"
         WHERE "customerId" IN (SELECT value FROM json_each(?)) AND "status" IN (SELECT value FROM json_each(?))
         ORDER BY "id"`,
        [sqlList(ids), sqlList(OPEN_CASE_STATUSES)],
      )
    : await db.case.findMany({
        where: { customerId: { in: ids }, status: { in: [...OPEN_CASE_STATUSES] } },
        select: { id: true, customerId: true, topic: true },
        orderBy: { id: 'asc' },
      });
  const byCustomer = new Map<number, OpenCase[]>();
  for (const r of rows) {
    const cases = byCustomer.get(r.customerId);
    if (cases) cases.push({ id: r.id, topic: r.topic });
    else byCustomer.set(r.customerId, [{ id: r.id, topic: r.topic }]);
  }
  return byCustomer;
}

/** The open case a new mention belongs with: the newest one on its topic, else the newest one. */
export function pickOpenCase(cases: OpenCase[] | undefined, topic: string): OpenCase | undefined {
  if (!cases?.length) return undefined;
  return cases.findLast((c) => c.topic === topic) ?? cases[cases.length - 1];
}

/** Each customer's resolved case still waiting for an answer to its follow-up, by customer id. */
export async function findCasesAwaitingRating(
  db: DbTx,
  customerIds: number[],
  since: Date,
): Promise<Map<number, number>> {
  const ids = [...new Set(customerIds)];
  const raw = rawReader(db);
  const rows = raw
    ? selectRows<{ id: number; customerId: number }>(
        raw,
        `SELECT "id", "customerId" FROM "Case"
         WHERE "customerId" IN (SELECT value FROM json_each(?)) AND "status" = ? AND "rating" IS NULL
           AND "followUpSentAt" >= ?
         ORDER BY "followUpSentAt"`,
        [sqlList(ids), CaseStatus.Resolved, since],
      )
    : await db.case.findMany({
        where: { customerId: { in: ids }, status: CaseStatus.Resolved, rating: null, followUpSentAt: { gte: since } },
        select: { id: true, customerId: true },
        orderBy: { followUpSentAt: 'asc' },
      });
  return new Map(rows.map((r) => [r.customerId, r.id]));
}
