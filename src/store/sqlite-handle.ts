import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type Database from 'better-sqlite3';

// Where the better-sqlite3 connection of a Prisma client is kept: a property on the client, which the
// interactive-transaction clients Prisma derives from it read through.
const HANDLE = Symbol('mention-desk.sqlite-handle');
const rawTransactions = new WeakSet<object>();

interface HandleHolder {
  database?: Database.Database;
}

/**
 * Prisma's better-sqlite3 adapter, remembering the connection it opens so the hot path can write with
 * its own prepared statements on that same connection (inside the same transaction). Prisma's adapter
 * prepares every query anew and maps every argument; for the pipeline's thousands of rows a second
 * that costs more than the writes themselves.
 */
export function sqliteAdapterWithHandle(config: ConstructorParameters<typeof PrismaBetterSqlite3>[0]) {
  const holder: HandleHolder = {};
  class RememberingFactory extends PrismaBetterSqlite3 {
    override async connect() {
      const adapter = await super.connect();
      holder.database = (adapter as unknown as { client: Database.Database }).client;
      return adapter;
    }
  }
  return { adapter: new RememberingFactory(config), attach: (db: object) => Object.assign(db, { [HANDLE]: holder }) };
}

/**
 * Marks `tx`, a transaction client, as one whose rows may be written through the raw connection: only
 * inside a transaction is that safe (the connection is then this transaction's alone; outside one, a
 * raw write could land in a transaction another caller has open).
 */
export function allowRawWrites(tx: object): void {
  rawTransactions.add(tx);
}

/** The better-sqlite3 connection behind `tx`, when `tx` is a SQLite transaction marked by allowRawWrites. */
export function rawWriter(tx: object): Database.Database | undefined {
  if (!rawTransactions.has(tx)) return undefined;
  const database = (tx as unknown as { [HANDLE]?: HandleHolder })[HANDLE]?.database;
  return database?.inTransaction ? database : undefined;
}

/**
 * The better-sqlite3 connection behind a SQLite client, for a start-up read of many rows that Prisma
 * would turn into objects one by one. Only for reads made before anything else uses the client (a
 * read on the connection while a transaction is open would see that transaction's rows).
 */
export function startupReader(db: object): Database.Database | undefined {
  const database = (db as { [HANDLE]?: HandleHolder })[HANDLE]?.database;
  return database && !database.inTransaction ? database : undefined;
}
