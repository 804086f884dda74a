import { applyMigrations } from '../../src/store/apply-migrations';
import { createDb, type Db } from '../../src/store/create-db';
import { startPostgres } from './postgres-server';

/**
 * A throwaway, migrated PostgreSQL database for one test file, and the `describe` to use: the real one,
 * or describe.skip with a console warning naming the suite when PostgreSQL is not available.
 */
export function postgresSuite(suite: string): { describe: jest.Describe; db: () => Db; url: () => string } {
  const pg = startPostgres();
  if ('skip' in pg) {
    console.warn(`${suite} skipped: ${pg.skip}`);
    return {
      describe: describe.skip,
      db: () => {
        throw new Error('no PostgreSQL');
      },
      url: () => {
        throw new Error('no PostgreSQL');
      },
    };
  }
  let db: Db | undefined;
  beforeAll(async () => {
    await applyMigrations(pg.url);
    db = await createDb(pg.url);
  });
  afterAll(async () => {
    await db?.$disconnect();
    pg.stop();
  });
  return { describe, db: () => db!, url: () => pg.url };
}
