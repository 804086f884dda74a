import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { applyMigrations, migrationsDir } from '../../src/store/apply-migrations';
import { tempDir } from '../helpers/temp-db';

const shipped = migrationsDir('file:x.db');

function copyMigrations(to: string): void {
  fs.cpSync(shipped, to, { recursive: true });
}

describe('applyMigrations (SQLite)', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it("creates every table on an empty database and keeps Prisma's bookkeeping", async () => {
    const url = `file:${path.join(dir, 'nested', 'fresh.db')}`;
    const applied = await applyMigrations(url);
    expect(applied).toEqual(
      fs
        .readdirSync(shipped)
        .filter((d) => !d.endsWith('.toml'))
        .sort(),
    );
    const db = new Database(path.join(dir, 'nested', 'fresh.db'));
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type='table'")
      .all()
      .map((r: any) => r.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'Customer',
        'Identity',
        'Mention',
        'Case',
        'CaseEvent',
        'OutboundMessage',
        'Cursor',
        '_prisma_migrations',
      ]),
    );
    const row: any = db.prepare('SELECT * FROM _prisma_migrations').get();
    const sql = fs.readFileSync(path.join(shipped, applied[0], 'migration.sql'));
    expect(row.checksum).toBe(crypto.createHash('sha256').update(sql).digest('hex'));
    expect(row.applied_steps_count).toBe(1);
    expect(row.finished_at).toBeTruthy();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('on an existing database applies only what is new and keeps the data', async () => {
    const migrations = path.join(dir, 'migrations');
    copyMigrations(migrations);
    const url = `file:${path.join(dir, 'existing.db')}`;
    await applyMigrations(url, undefined, migrations);
    const db = new Database(path.join(dir, 'existing.db'));
    db.prepare("INSERT INTO Customer (displayName) VALUES ('Kept')").run();
    expect(await applyMigrations(url, undefined, migrations)).toEqual([]);

    const committed = fs.readdirSync(migrations, { withFileTypes: true }).filter((e) => e.isDirectory()).length;
    fs.mkdirSync(path.join(migrations, '29990101000000_add_note'));
    fs.writeFileSync(
      path.join(migrations, '29990101000000_add_note', 'migration.sql'),
      'ALTER TABLE "Customer" ADD COLUMN "note" TEXT;',
    );
    expect(await applyMigrations(url, undefined, migrations)).toEqual(['29990101000000_add_note']);
    expect(db.prepare('SELECT displayName, note FROM Customer').all()).toEqual([{ displayName: 'Kept', note: null }]);
    expect(db.prepare('SELECT count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL').get()).toEqual({
      n: committed + 1,
    });
    db.close();
  });

  it('records a failed migration and refuses to start until it is resolved', async () => {
    const migrations = path.join(dir, 'migrations');
    copyMigrations(migrations);
    fs.mkdirSync(path.join(migrations, '29990101000000_broken'));
    fs.writeFileSync(
      path.join(migrations, '29990101000000_broken', 'migration.sql'),
      'ALTER TABLE "Nope" ADD COLUMN x TEXT;',
    );
    const url = `file:${path.join(dir, 'broken.db')}`;
    await expect(applyMigrations(url, undefined, migrations)).rejects.toThrow(/29990101000000_broken failed/);
    await expect(applyMigrations(url, undefined, migrations)).rejects.toThrow(
      /failed earlier and blocks start-up.*migrate resolve/,
    );
    const db = new Database(path.join(dir, 'broken.db'));
    const row: any = db
      .prepare("SELECT * FROM _prisma_migrations WHERE migration_name = '29990101000000_broken'")
      .get();
    expect(row.finished_at).toBeNull();
    expect(row.logs).toMatch(/no such table/);
    db.close();
  });
});
