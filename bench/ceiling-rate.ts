import Database from 'better-sqlite3';
import { scoreComplaint } from '../src/scoring/score-complaint';
import { SQLITE_WAL_CHECKPOINT_PAGES } from '../src/store/create-db';

type Row = Record<string, unknown>;

/**
 * The ceiling the pipeline is measured against: the scorer plus raw better-sqlite3 writing the rows the
 * pipeline wrote (every table, so the same indexes), in as many transactions as the pipeline had
 * batches, each transaction first running the pipeline's per-batch lookups (known mentions, identities,
 * open cases, cases awaiting a rating) for that batch's keys. `from` is the database a pipeline run
 * filled; `into` a file with the same schema (empty, or seeded like the pipeline's was). What is left
 * out is exactly the pipeline's own work: parsing, deciding, composing, Prisma, glue.
 */
export function ceilingRate(from: string, into: string, lines: string[], batch: number): { rate: number } {
  const source = new Database(from, { readonly: true });
  const target = new Database(into);
  target.pragma('journal_mode = WAL');
  target.pragma('synchronous = NORMAL');
  target.pragma('cache_size = -32768'); // the page cache the app gives its own connection (openApp)
  target.pragma(`wal_autocheckpoint = ${SQLITE_WAL_CHECKPOINT_PAGES}`); // as the app's connection (createDb)
  // The rows keep their ids (so they are the pipeline's rows, byte for byte); a batch's share of one table
  // may name a row another table gets in the next batch, so references are not checked here.
  target.pragma('foreign_keys = OFF');
  const before = new Map<string, number>();
  for (const t of tablesOf(target)) before.set(t, maxId(target, t));
  // Rows the pipeline run wrote: everything in `from` past what `into` already holds (the seed).
  const tables = tablesOf(source).map((name) => ({
    name,
    rows: source.prepare(`SELECT * FROM "${name}" WHERE rowid > ? ORDER BY rowid`).all(before.get(name) ?? 0) as Row[],
  }));
  source.close();
  const mentions = lines.map(
    (l) => JSON.parse(l) as { channel: string; id: string; text: string; author: { id: string } },
  );
  const batches = Math.ceil(mentions.length / batch);
  const inserts = new Map(
    tables
      .filter((t) => t.rows.length)
      .map((t) => {
        const cols = Object.keys(t.rows[0]);
        const sql = `INSERT INTO "${t.name}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;
        return [t.name, { stmt: target.prepare(sql), cols }];
      }),
  );
  const known = target.prepare(`SELECT "id", "externalId", "caseId", "editedAt", "text" FROM "Mention"
    WHERE "channel" = ? AND "externalId" IN (SELECT value FROM json_each(?))`);
  const identities = target.prepare(`SELECT "id", "customerId", "externalId" FROM "Identity"
    WHERE "channel" = ? AND "externalId" IN (SELECT value FROM json_each(?))`);
  const openCases = target.prepare(`SELECT "id", "customerId" FROM "Case"
    WHERE "customerId" IN (SELECT value FROM json_each(?)) AND "status" IN ('open', 'claimed', 'escalated') ORDER BY "id"`);
  const awaiting =
    target.prepare(`SELECT "id", "customerId" FROM "Case" WHERE "customerId" IN (SELECT value FROM json_each(?))
    AND "status" = 'resolved' AND "rating" IS NULL AND "followUpSentAt" >= ? ORDER BY "followUpSentAt"`);
  const writeBatch = target.transaction((b: number) => {
    const slice = mentions.slice(b * batch, (b + 1) * batch);
    const customers: unknown[] = [];
    for (const channel of new Set(slice.map((m) => m.channel))) {
      const ids = JSON.stringify(slice.filter((m) => m.channel === channel).map((m) => m.id));
      known.all(channel, ids);
      const authors = JSON.stringify(slice.filter((m) => m.channel === channel).map((m) => m.author.id));
      for (const r of identities.all(channel, authors) as Row[]) customers.push(r.customerId);
    }
    openCases.all(JSON.stringify(customers));
    awaiting.all(JSON.stringify(customers), '2026-11-01T00:00:00.000+00:00');
    for (const m of slice) scoreComplaint(m.text, { threshold: 0.5 });
    // This batch's share of every table's rows, in the order they were written.
    for (const t of tables) {
      const insert = inserts.get(t.name);
      if (!insert) continue;
      const from = Math.floor((t.rows.length * b) / batches);
      const to = Math.floor((t.rows.length * (b + 1)) / batches);
      for (let i = from; i < to; i++) insert.stmt.run(insert.cols.map((c) => t.rows[i][c]));
    }
  });
  const t0 = process.hrtime.bigint();
  for (let b = 0; b < batches; b++) writeBatch(b);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  target.close();
  return { rate: mentions.length / seconds };
}

function tablesOf(db: Database.Database): string[] {
  return (
    db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%'`,
      )
      .all() as Array<{ name: string }>
  ).map((r) => r.name);
}

function maxId(db: Database.Database, table: string): number {
  return Number((db.prepare(`SELECT max(rowid) AS n FROM "${table}"`).get() as { n: number | null }).n ?? 0);
}
