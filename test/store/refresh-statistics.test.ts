import path from 'node:path';
import Database from 'better-sqlite3';
import { refreshStatistics } from '../../src/store/refresh-statistics';
import { tempDb } from '../helpers/temp-db';

// The shape of findOpenCases' query: a batch's customers (a few hundred), the open statuses.
const BATCH_CUSTOMERS = Array.from({ length: 400 }, (_, i) => i * 7 + 1).join(', ');
const OPEN_CASES_PLAN = `EXPLAIN QUERY PLAN SELECT "id", "customerId" FROM "Case"
  WHERE "customerId" IN (${BATCH_CUSTOMERS}) AND "status" IN ('open', 'claimed', 'escalated') ORDER BY "id"`;

const series = (n: number) =>
  `(WITH RECURSIVE s(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM s WHERE value < ${n}) SELECT value FROM s)`;

describe('refreshStatistics (SQLite)', () => {
  it('analyses a new file, after which the per-batch case lookup reads the (customerId, status) index', async () => {
    const { db, dir, close } = await tempDb();
    const file = path.join(dir, 'test.db');
    const raw = new Database(file);
    raw.exec(`INSERT INTO "Customer" ("id", "displayName", "createdAt")
      SELECT value, 'c' || value, '2026-11-01T00:00:00.000+00:00' FROM ${series(5000)}`);
    raw.exec(`INSERT INTO "Case" ("customerId", "channel", "status", "topic", "severity", "score", "openedAt", "updatedAt")
      SELECT 1 + value % 5000, 'x', CASE value % 10 WHEN 0 THEN 'open' ELSE 'resolved' END, 'other', 'low', 0.7,
        '2026-11-01T00:00:00.000+00:00', '2026-11-01T00:00:00.000+00:00' FROM ${series(20_000)}`);
    try {
      expect(raw.prepare('SELECT count(*) AS n FROM sqlite_master WHERE name = ?').get('sqlite_stat1')).toEqual({
        n: 0,
      });
      const planNow = () => (raw.prepare(OPEN_CASES_PLAN).all() as Array<{ detail: string }>).map((r) => r.detail);
      await refreshStatistics(db);
      const stats = raw.prepare(`SELECT idx FROM sqlite_stat1 WHERE tbl = 'Case'`).all() as Array<{ idx: string }>;
      expect(stats.map((s) => s.idx)).toContain('Case_customerId_status_idx');
      expect(planNow().join('\n')).toMatch(/Case_customerId_status_idx/);
    } finally {
      raw.close();
      await close();
    }
  });
});
