import type Database from 'better-sqlite3';
import type { DbTx } from './db-types.js';
import { rawWriter } from './sqlite-handle.js';

// Statements by connection and SQL text: prepared once, then run in a few microseconds each. Prisma's
// adapter prepares every query anew and maps every argument and row, which for the pipeline's dozen
// look-ups a batch cost more than the look-ups themselves (measured: bench/, issue 14).
const prepared = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** `sql` prepared on `raw`, from the cache when it was prepared before. */
export function preparedStatement(raw: Database.Database, sql: string): Database.Statement {
  let cache = prepared.get(raw);
  if (!cache) {
    cache = new Map();
    prepared.set(raw, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = raw.prepare(sql);
    // Prisma's adapter turns BigInt reading on for the whole connection: ids fit in a number.
    if (stmt.reader) stmt.safeIntegers(false);
    cache.set(sql, stmt);
  }
  return stmt;
}

/**
 * The better-sqlite3 connection for reads inside `tx`, when `tx` is a SQLite transaction marked by
 * allowRawWrites (the same connection and transaction, so a read sees the rows the batch wrote).
 * Undefined on PostgreSQL and outside such a transaction: the caller then reads through Prisma.
 */
export function rawReader(tx: DbTx): Database.Database | undefined {
  return rawWriter(tx);
}

/** The rows of a SELECT run with its bound `params`, as plain objects keyed by column name. */
export function selectRows<R>(raw: Database.Database, sql: string, params: unknown[]): R[] {
  return preparedStatement(raw, sql).all(params.map(sqliteValue)) as R[];
}

/** Runs a write (UPDATE, DELETE) with its bound `params`; how many rows it changed. */
export function runWrite(raw: Database.Database, sql: string, params: unknown[]): number {
  return preparedStatement(raw, sql).run(params.map(sqliteValue)).changes;
}

/**
 * One bound parameter holding a whole list, for `column IN (SELECT value FROM json_each(?))`: one
 * prepared statement serves any number of values (SQLite still looks each one up in the index).
 */
export function sqlList(values: Iterable<string | number>): string {
  return JSON.stringify([...values]);
}

/** What Prisma's SQLite adapter stores for each JavaScript value, so rows read back alike either way. */
export function sqliteValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return storedDateText(value);
  return value;
}

// A batch's rows share one `now`: its text is made once, not once per row and column (the profile
// showed toISOString among the hot path's costs). Keyed by the time, so a Date changed later still reads right.
let lastTime = Number.NaN;
let lastText = '';
function storedDateText(date: Date): string {
  const time = date.getTime();
  if (time !== lastTime) {
    lastText = date.toISOString().replace('Z', '+00:00');
    lastTime = time;
  }
  return lastText;
}

/** A stored DateTime column read raw (ISO text with an offset, or epoch milliseconds) as Prisma returns it. */
export function storedDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return new Date(typeof value === 'string' ? value : Number(value));
}
