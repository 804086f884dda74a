import fs from 'node:fs';
import { Client } from 'pg';
import { applyMigrations, migrationsDir } from '../../src/store/apply-migrations';
import { createDb } from '../../src/store/create-db';
import { type PostgresHandle, startPostgres } from '../helpers/postgres-server';

const pg: PostgresHandle = startPostgres();
const maybe = 'url' in pg ? describe : describe.skip;
if ('skip' in pg) console.warn(`PostgreSQL tests skipped: ${pg.skip}`);

maybe('applyMigrations (PostgreSQL)', () => {
  const url = 'url' in pg ? pg.url : '';
  afterAll(() => 'stop' in pg && pg.stop());

  it('migrates an empty database, then finds nothing to do, and the client works on it', async () => {
    const applied = await applyMigrations(url);
    expect(applied).toEqual(
      fs
        .readdirSync(migrationsDir(url))
        .filter((d) => !d.endsWith('.toml'))
        .sort(),
    );
    expect(await applyMigrations(url)).toEqual([]);
    const client = new Client({ connectionString: url });
    await client.connect();
    const rows = (await client.query('SELECT migration_name, applied_steps_count, finished_at FROM _prisma_migrations'))
      .rows;
    expect(rows).toHaveLength(applied.length);
    expect(rows.every((r) => r.applied_steps_count === 1 && r.finished_at)).toBe(true);
    await client.end();

    const db = await createDb(url);
    const customer = await db.customer.create({
      data: {
        displayName: 'Ada',
        identities: { create: { channel: 'x', externalId: '1', handle: 'ada', name: 'Ada' } },
      },
    });
    expect(await db.identity.count({ where: { customerId: customer.id } })).toBe(1);
    await db.$disconnect();
  });

  it('two instances starting at once apply each migration once', async () => {
    const fresh = url.replace(/\/postgres$/, '/twins');
    const admin = new Client({ connectionString: url });
    await admin.connect();
    await admin.query('CREATE DATABASE twins');
    await admin.end();
    const [a, b] = await Promise.all([applyMigrations(fresh), applyMigrations(fresh)]);
    expect([...a, ...b].sort()).toEqual(
      fs
        .readdirSync(migrationsDir(fresh))
        .filter((d) => !d.endsWith('.toml'))
        .sort(),
    );
  });
});
