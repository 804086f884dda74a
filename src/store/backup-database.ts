import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError, ErrorCode } from '../core/app-error.js';
import { isPostgresUrl } from './apply-migrations.js';
import { sqliteFile } from './migration-driver.js';

/**
 * Copies the SQLite database to `target` with SQLite's online backup API (consistent while the bot keeps
 * writing). Refuses to overwrite a file, and says to use pg_dump for PostgreSQL. Returns the pages copied.
 */
export async function backupDatabase(databaseUrl: string, target: string): Promise<{ file: string; bytes: number }> {
  if (isPostgresUrl(databaseUrl)) {
    throw new AppError(
      ErrorCode.BadInput,
      'backup copies SQLite databases; for PostgreSQL use pg_dump, ' +
        'e.g. pg_dump --format=custom --file=desk.dump "$DATABASE_URL" ' +
        '(restore with pg_restore).',
    );
  }
  const source = sqliteFile(databaseUrl);
  if (source === ':memory:' || !fs.existsSync(source)) {
    throw new AppError(
      ErrorCode.BadInput,
      `there is no SQLite database at ${source} to back up (DATABASE_URL); run the bot or migrate first.`,
    );
  }
  const file = path.resolve(target);
  if (fs.existsSync(file))
    throw new AppError(ErrorCode.BadInput, `${target} exists already; backup never overwrites a file.`);
  if (file === path.resolve(source))
    throw new AppError(ErrorCode.BadInput, 'the backup file must not be the database itself.');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(source, { readonly: true, fileMustExist: true, timeout: 10_000 });
  try {
    await db.backup(file);
  } finally {
    db.close();
  }
  return { file, bytes: fs.statSync(file).size };
}
