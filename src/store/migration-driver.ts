import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Client } from 'pg';

/** Row of Prisma's own bookkeeping table, so `prisma migrate deploy` agrees with what we applied. */
export interface AppliedMigration {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: string | Date | null;
  rolled_back_at: string | Date | null;
}

/** The few operations the migrator needs, for SQLite and PostgreSQL alike. */
export interface MigrationDriver {
  provider: 'sqlite' | 'postgresql';
  /** Serialises concurrent migrators (two instances starting at once). */
  lock(): Promise<void>;
  unlock(): Promise<void>;
  ensureTable(): Promise<void>;
  applied(): Promise<AppliedMigration[]>;
  markStarted(id: string, name: string, checksum: string): Promise<void>;
  markFinished(id: string): Promise<void>;
  markFailed(id: string, logs: string): Promise<void>;
  runScript(sql: string): Promise<void>;
  close(): Promise<void>;
}

// Prisma's own DDL for the bookkeeping table, per provider.
const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;
const PG_TABLE = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;
// Prisma's advisory lock id, so our migrator and `prisma migrate deploy` exclude each other.
const PG_LOCK_ID = 72707369;

/** The file path inside a SQLite URL (`file:./x.db?...` is `./x.db`). */
export function sqliteFile(url: string): string {
  return url.replace(/^file:/, '').replace(/\?.*$/, '');
}

const inProcessLocks = new Map<string, Promise<void>>();

// How long a start-up waits for another one's migrations before giving up.
const LOCK_WAIT_MS = 120_000;

export function sqliteDriver(url: string): MigrationDriver {
  const file = sqliteFile(url);
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // Opened only once the migration lock is held: switching a fresh file to WAL takes SQLite's exclusive
  // lock, and several start-ups doing it at once get SQLITE_BUSY without waiting for one another.
  let opened: Database.Database | undefined;
  const open = () => {
    if (!opened) {
      opened = new Database(file, { timeout: 10_000 });
      opened.pragma('journal_mode = WAL'); // persistent: readers never block the writer
    }
    return opened;
  };
  const now = () => new Date().toISOString();
  // Two start-ups at once on a fresh file must not both migrate (the second would see the first's
  // unfinished row as a failed migration). The lock is an exclusive transaction on a side file: SQLite's
  // own file lock, so it waits (busy timeout) while held and vanishes if the holder dies.
  // Within one process the waits chain on a promise instead: a synchronous busy wait there would block
  // the very event loop the holder needs to finish.
  let lockDb: Database.Database | undefined;
  let release: (() => void) | undefined;
  const lockPath = `${path.resolve(file)}.migrate-lock`;
  return {
    provider: 'sqlite',
    async lock() {
      if (file === ':memory:') return;
      const before = inProcessLocks.get(lockPath) ?? Promise.resolve();
      const mine = new Promise<void>((resolve) => (release = resolve));
      inProcessLocks.set(
        lockPath,
        before.then(() => mine),
      );
      await before;
      lockDb = new Database(lockPath, { timeout: LOCK_WAIT_MS });
      lockDb.exec('BEGIN EXCLUSIVE');
    },
    async unlock() {
      try {
        if (lockDb?.inTransaction) lockDb.exec('COMMIT');
        lockDb?.close();
      } finally {
        lockDb = undefined;
        release?.();
        release = undefined;
      }
    },
    async ensureTable() {
      open().exec(SQLITE_TABLE);
    },
    async applied() {
      return open().prepare('SELECT * FROM _prisma_migrations ORDER BY started_at').all() as AppliedMigration[];
    },
    async markStarted(id, name, checksum) {
      open()
        .prepare(
          'INSERT INTO _prisma_migrations (id, checksum, migration_name, ' +
            'started_at, applied_steps_count) VALUES (?, ?, ?, ?, 0)',
        )
        .run(id, checksum, name, now());
    },
    async markFinished(id) {
      open()
        .prepare('UPDATE _prisma_migrations SET finished_at = ?, applied_steps_count = 1 WHERE id = ?')
        .run(now(), id);
    },
    async markFailed(id, logs) {
      open().prepare('UPDATE _prisma_migrations SET logs = ? WHERE id = ?').run(logs, id);
    },
    async runScript(sql) {
      // Prisma's table-redefinition scripts toggle foreign_keys, which is a no-op inside a transaction.
      const db = open();
      if (/PRAGMA\s+foreign_keys/i.test(sql)) db.exec(sql);
      else db.transaction(() => db.exec(sql))();
    },
    async close() {
      opened?.close();
    },
  };
}

export function postgresDriver(url: string): MigrationDriver {
  // pg loads with the first query: a SQLite install never spends its start-up on it.
  let connected: Promise<Client> | undefined;
  const q = async (sql: string, params: unknown[] = []) => {
    connected ??= import('pg').then(async ({ Client }) => {
      const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
      await client.connect();
      return client;
    });
    return (await connected).query(sql, params);
  };
  return {
    provider: 'postgresql',
    async lock() {
      await q('SELECT pg_advisory_lock($1)', [PG_LOCK_ID]);
    },
    async unlock() {
      await q('SELECT pg_advisory_unlock($1)', [PG_LOCK_ID]);
    },
    async ensureTable() {
      await q(PG_TABLE);
    },
    async applied() {
      return (await q('SELECT * FROM _prisma_migrations ORDER BY started_at')).rows;
    },
    async markStarted(id, name, checksum) {
      await q(
        'INSERT INTO _prisma_migrations (id, checksum, migration_name, ' +
          'started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)',
        [id, checksum, name],
      );
    },
    async markFinished(id) {
      await q('UPDATE _prisma_migrations SET finished_at = now(), applied_steps_count = 1 WHERE id = $1', [id]);
    },
    async markFailed(id, logs) {
      await q('UPDATE _prisma_migrations SET logs = $1 WHERE id = $2', [logs, id]);
    },
    async runScript(sql) {
      await q('BEGIN');
      try {
        await q(sql);
        await q('COMMIT');
      } catch (e) {
        await q('ROLLBACK');
        throw e;
      }
    },
    async close() {
      if (connected)
        await connected.then(
          (client) => client.end(),
          () => undefined,
        );
    },
  };
}
