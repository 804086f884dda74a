import { PrismaClient as SqliteClient } from '../generated/sqlite/client.js';
import { isPostgresUrl } from './apply-migrations.js';
import { sqliteAdapterWithHandle } from './sqlite-handle.js';

/**
 * The database client. Both providers generate the same models, so the SQLite client's type serves as
 * the common one.
 */
export type Db = SqliteClient;

/** Opens the Prisma client for `databaseUrl` (SQLite file or PostgreSQL). Migrations are applied separately. */
export async function createDb(databaseUrl: string): Promise<Db> {
  if (isPostgresUrl(databaseUrl)) {
    // Loaded only when used, so a SQLite install never needs the PostgreSQL client generated.
    // (require: the sources also run through tsx's CommonJS hook, which import() of a .ts file bypasses.)
    const { PrismaClient } =
      require('../generated/postgres/client.js') as typeof import('../generated/postgres/client.js');
    const { PrismaPg } = await import('@prisma/adapter-pg');
    const pg = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) }) as unknown as Db;
    providers.set(pg, 'postgresql');
    return pg;
  }
  const { adapter, attach } = sqliteAdapterWithHandle({ url: databaseUrl, timeout: 10_000 });
  const db = new SqliteClient({ adapter });
  attach(db);
  // One writer per file; NORMAL is durable under WAL at commit boundaries and several times faster than FULL.
  await db.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
  // The WAL is checkpointed into the file every 10,000 pages (40 MB) instead of SQLite's 1,000. Customers
  // come back, so a batch's rows land all over the customer and identity indexes: at a million stored
  // mentions a batch dirties thousands of pages, and with the default nearly every commit copied them all
  // back again. Measured at 1M: the commits of 20,000 mentions took 1.1-1.2 s instead of 2.4-2.7 s.
  // journal_size_limit gives the disk back after a burst.
  await db.$queryRawUnsafe(`PRAGMA wal_autocheckpoint = ${SQLITE_WAL_CHECKPOINT_PAGES}`);
  await db.$queryRawUnsafe('PRAGMA journal_size_limit = 67108864');
  return db;
}

/** Pages the SQLite WAL may hold before it is copied into the database file (see createDb). */
export const SQLITE_WAL_CHECKPOINT_PAGES = 10_000;

const providers = new WeakMap<Db, 'sqlite' | 'postgresql'>();

/** Which database a client opened by createDb talks to (SQLite unless it was opened for PostgreSQL). */
export function dbProvider(db: Db): 'sqlite' | 'postgresql' {
  return providers.get(db) ?? 'sqlite';
}
