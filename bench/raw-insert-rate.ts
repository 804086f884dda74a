import Database from 'better-sqlite3';

/**
 * The ceiling: rows per second that better-sqlite3 alone inserts into the same file, in transactions
 * of `batch` rows, with a row as wide as a stored Mention. The pipeline's rate is reported against it.
 */
export function rawInsertRate(file: string, n: number, batch: number): number {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`DROP TABLE IF EXISTS bench_raw; CREATE TABLE bench_raw (
    id INTEGER PRIMARY KEY AUTOINCREMENT, channel TEXT NOT NULL, externalId TEXT NOT NULL, text TEXT NOT NULL,
    postedAt TEXT NOT NULL, score REAL NOT NULL, reasons TEXT NOT NULL, decision TEXT NOT NULL, UNIQUE(channel, externalId))`);
  const insert = db.prepare(
    'INSERT INTO bench_raw (channel, externalId, text, postedAt, score, reasons, decision) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertMany = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++)
      insert.run(
        'x',
        `raw-${i}`,
        `@lumora some text of a mention number ${i}`,
        new Date().toISOString(),
        0.5,
        '["+0.40 reason"]',
        'ignore',
      );
  });
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i += batch) insertMany(i, Math.min(n, i + batch));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  db.exec('DROP TABLE bench_raw');
  db.close();
  return n / seconds;
}
