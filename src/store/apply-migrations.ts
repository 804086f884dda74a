import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError, ErrorCode } from '../core/app-error.js';
import { packageRoot } from '../core/package-root.js';
import { redactUrlCredentials } from '../core/redact-url-credentials.js';
import type { Logger } from '../log/create-logger.js';
import { type MigrationDriver, postgresDriver, sqliteDriver } from './migration-driver.js';

/** A migration folder as Prisma lays it out: `<timestamp>_<name>/migration.sql`. */
interface LocalMigration {
  name: string;
  sql: string;
  checksum: string;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** The provider of `url`, for the few queries written per dialect. */
export function databaseProvider(url: string): 'sqlite' | 'postgresql' {
  return isPostgresUrl(url) ? 'postgresql' : 'sqlite';
}

/** The committed migrations folder for the provider of `databaseUrl`. */
export function migrationsDir(databaseUrl: string): string {
  return path.join(packageRoot(), isPostgresUrl(databaseUrl) ? 'prisma/postgres/migrations' : 'prisma/migrations');
}

/** The migrations in `dir`, oldest first. */
export function localMigrations(dir: string): LocalMigration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: crypto.createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies the committed migrations that the database lacks, keeping Prisma's `_prisma_migrations`
 * bookkeeping exactly as `prisma migrate deploy` does (so either can run after the other). A failed
 * migration blocks later runs until someone resolves it, as Prisma's does. Returns the names applied.
 */
export async function applyMigrations(
  databaseUrl: string,
  logger?: Logger,
  dir = migrationsDir(databaseUrl),
): Promise<string[]> {
  const appliedNow: string[] = [];
  let driver: MigrationDriver | undefined;
  let rows: Awaited<ReturnType<MigrationDriver['applied']>>;
  try {
    driver = isPostgresUrl(databaseUrl) ? postgresDriver(databaseUrl) : sqliteDriver(databaseUrl);
    await driver.lock();
    await driver.ensureTable();
    rows = await driver.applied();
  } catch (e) {
    await driver?.unlock().catch(() => undefined);
    await driver?.close().catch(() => undefined);
    throw databaseOpenError(databaseUrl, e);
  }
  try {
    const failed = rows.find((r) => !r.finished_at && !r.rolled_back_at);
    if (failed) {
      throw new AppError(
        ErrorCode.MigrationFailed,
        `Migration ${failed.migration_name} failed earlier and blocks start-up: fix the database, then run ` +
          (`\`npx prisma migrate resolve --rolled-back ` +
            `${failed.migration_name}\` (or delete its row in _prisma_migrations).`),
      );
    }
    const done = new Map(rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => [r.migration_name, r]));
    for (const m of localMigrations(dir)) {
      const row = done.get(m.name);
      if (row) {
        if (row.checksum !== m.checksum)
          logger?.warn({ migration: m.name }, 'migration was edited after it was applied');
        continue;
      }
      const id = crypto.randomUUID();
      await driver.markStarted(id, m.name, m.checksum);
      try {
        await driver.runScript(m.sql);
      } catch (e) {
        await driver.markFailed(id, String((e as Error).message ?? e));
        throw new AppError(ErrorCode.MigrationFailed, `Migration ${m.name} failed: ${(e as Error).message}`, {
          cause: e,
        });
      }
      await driver.markFinished(id);
      appliedNow.push(m.name);
      logger?.info({ migration: m.name }, 'applied migration');
    }
  } finally {
    await driver.unlock().catch(() => undefined);
    await driver.close();
  }
  return appliedNow;
}

// The database cannot be opened at all: say which setting points there and what the system said, with
// any password in the URL redacted.
function databaseOpenError(databaseUrl: string, e: unknown): AppError {
  const err = e as NodeJS.ErrnoException & { errors?: Array<{ code?: string; message?: string }> };
  const code = err.code ?? err.errors?.[0]?.code;
  const where = redactUrlCredentials(databaseUrl);
  const hint: Record<string, string> = {
    EACCES: 'the folder is not writable by this user',
    EROFS: 'the file system is read-only',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EEXIST: 'a part of the path is a file, not a folder',
    EISDIR: 'the path is a folder, not a file',
    SQLITE_CANTOPEN: 'the file cannot be opened or created (check the folder exists and is writable)',
    SQLITE_READONLY: 'the file is read-only for this user',
    SQLITE_NOTADB: 'the file is not a SQLite database',
    ECONNREFUSED: 'nothing accepts connections there (is PostgreSQL running, and is the host and port right?)',
    ENOTFOUND: 'the host name does not resolve',
    ETIMEDOUT: 'the connection timed out',
    '28P01': 'the password was refused',
    '3D000': 'the database does not exist',
  };
  const why = (code && hint[code]) || redactUrlCredentials(err.message ?? String(e));
  return new AppError(
    ErrorCode.ConfigInvalid,
    `Setting DATABASE_URL: cannot open the database at ${where}: ${why}${code ? ` (${code})` : ''}.`,
    {
      cause: e,
    },
  );
}
