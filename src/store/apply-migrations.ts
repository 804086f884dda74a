import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError, ErrorCode } from '../core/app-error.js';
import { packageRoot } from '../core/package-root.js';
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
  const driver: MigrationDriver = isPostgresUrl(databaseUrl) ? postgresDriver(databaseUrl) : sqliteDriver(databaseUrl);
  const appliedNow: string[] = [];
  try {
    await driver.lock();
    await driver.ensureTable();
    const rows = await driver.applied();
    const failed = rows.find((r) => !r.finished_at && !r.rolled_back_at);
    if (failed) {
      throw new AppError(
        ErrorCode.MigrationFailed,
        `Migration ${failed.migration_name} failed earlier and blocks start-up: fix the database, then run ` +
          `\`npx prisma migrate resolve --rolled-back ${failed.migration_name}\` (or delete its row in _prisma_migrations).`,
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
