import type { DbTx } from '../store/db-types.js';

/** A customer found by a handle, a name or a case reference, with the identities that matched. */
export interface FoundCustomer {
  customerId: number;
  identities: Array<{ id: number; channel: string; handle: string; name: string }>;
}

const MAX_FOUND = 10;

/**
 * The customers `query` names: `#144` (the case's customer), `channel:handle` or `@handle` (exact
 * handle, on any channel unless one is given), or with `search`, any handle or display name that
 * contains the words (for *Link to customer…*). Forgotten customers have no identities left to find.
 */
export async function findCustomers(db: DbTx, query: string, search = false): Promise<FoundCustomer[]> {
  const q = query.trim();
  const ref = /^#(\d{1,9})$/.exec(q);
  let identities: FoundCustomer['identities'] & Array<{ customerId: number }>;
  const select = { id: true, channel: true, handle: true, name: true, customerId: true };
  if (ref) {
    const c = await db.case.findUnique({ where: { id: Number(ref[1]) }, select: { customerId: true } });
    if (!c) return [];
    identities = await db.identity.findMany({ where: { customerId: c.customerId }, select });
    return [{ customerId: c.customerId, identities: identities.map(strip) }];
  }
  const scoped = /^([a-z][a-z0-9_-]*):@?(.+)$/i.exec(q);
  const channel = scoped ? scoped[1].toLowerCase() : undefined;
  const handle = (scoped ? scoped[2] : q).replace(/^@/, '');
  if (!handle) return [];
  const variants = [...new Set([handle, handle.toLowerCase()])];
  identities = await db.identity.findMany({
    where: { handle: { in: variants }, ...(channel ? { channel } : {}) },
    select,
    take: 50,
  });
  if (!identities.length && search) {
    const words = [...new Set([handle, handle.toLowerCase(), capitalise(handle)])];
    identities = await db.identity.findMany({
      where: {
        ...(channel ? { channel } : {}),
        OR: words.flatMap((w) => [{ handle: { contains: w } }, { name: { contains: w } }]),
      },
      select,
      take: 50,
    });
  }
  const byCustomer = new Map<number, FoundCustomer>();
  for (const i of identities) {
    const found = byCustomer.get(i.customerId) ?? { customerId: i.customerId, identities: [] };
    found.identities.push(strip(i));
    byCustomer.set(i.customerId, found);
  }
  return [...byCustomer.values()].slice(0, MAX_FOUND);
}

const strip = ({ id, channel, handle, name }: { id: number; channel: string; handle: string; name: string }) => ({
  id,
  channel,
  handle,
  name,
});

const capitalise = (w: string) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();
