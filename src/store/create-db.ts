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
  return db;
}

const providers = new WeakMap<Db, 'sqlite' | 'postgresql'>();

/** Which database a client opened by createDb talks to (SQLite unless it was opened for PostgreSQL). */
export function dbProvider(db: Db): 'sqlite' | 'postgresql' {
  return providers.get(db) ?? 'sqlite';
}
