import path from 'node:path';
import Database from 'better-sqlite3';
import { buildDigest } from '../src/digest/build-digest';
import { digestPeriod } from '../src/digest/post-digest';
import { queryDigestData } from '../src/digest/query-digest-data';
import { renderDigestChart } from '../src/digest/render-digest-chart';
import { renderDigestMarkdown } from '../src/digest/render-digest-markdown';
import { applyMigrations } from '../src/store/apply-migrations';
import { createDb } from '../src/store/create-db';

// Prisma's SQLite adapter stores dates as ISO text with an explicit offset; the seed writes the same.
const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');
const TOPICS = ['billing', 'delivery', 'outage', 'account_access', 'product_defect', 'staff_behaviour', 'other'];

/**
 * Seeds `n` mentions over 90 days (and a case for every fifth) straight into a fresh SQLite file, as
 * fast as better-sqlite3 allows: the point is the digest's query time over a big table, not seeding.
 */
export async function seedForDigest(dir: string, n: number, end: number): Promise<string> {
  const file = path.join(dir, 'digest-bench.db');
  await applyMigrations(`file:${file}`);
  const db = new Database(file);
  db.pragma('synchronous = OFF');
  db.prepare("INSERT INTO Customer (id, displayName, createdAt) VALUES (1, 'c', ?)").run(iso(end));
  db.prepare(
    "INSERT INTO Identity (id, customerId, channel, externalId, handle, name, createdAt) VALUES (1, 1, 'x', 'c', 'c', 'c', ?)",
  ).run(iso(end));
  const mention =
    db.prepare(`INSERT INTO Mention (channel, externalId, identityId, customerId, text, postedAt, receivedAt, mentionsBrand, isPrivate,
    score, complaint, reasons, topic, severity, language, decision, decisionReasons) VALUES (?, ?, 1, 1, 'text', ?, ?, 1, 0, ?, ?, '[]', ?, 'none', 'en', 'ignore', '[]')`);
  const kase =
    db.prepare(`INSERT INTO "Case" (customerId, channel, status, topic, severity, score, openedAt, acknowledgedAt, claimedAt, firstHumanReplyAt, resolvedAt, ownerSlackId, updatedAt)
    VALUES (1, 'x', ?, 'billing', 'blame', 0.9, ?, ?, ?, ?, ?, ?, ?)`);
  const span = 90 * 86_400_000;
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const at = end - Math.floor((i / n) * span);
      const complaint = i % 3 === 0 ? 1 : 0;
      mention.run(
        i % 4 === 0 ? 'discord' : 'x',
        `m${i}`,
        iso(at),
        iso(at),
        complaint ? 0.8 : 0.2,
        complaint,
        TOPICS[i % TOPICS.length],
      );
      if (i % 5 === 0) {
        const done = i % 10 === 0;
        kase.run(
          done ? 'resolved' : 'open',
          iso(at),
          iso(at + 60_000),
          iso(at + 600_000 + (i % 7) * 60_000),
          done ? iso(at + 1_800_000) : null,
          done ? iso(at + 7_200_000) : null,
          `U${i % 6}`,
          iso(at),
        );
      }
    }
  })();
  db.close();
  return file;
}

export interface DigestTiming {
  buildMs: number;
  chartMs: number;
  mentionsInWeek: number;
}

/**
 * Times the weekly digest over the seeded file `runs` times on one connection: the first run is cold
 * (fresh client, cold page cache, as after a restart), the others warm (as in a running bot).
 * Build = queries + figures + Markdown; chart = Vega to SVG to PNG.
 */
export async function weeklyDigestTimes(file: string, end: number, runs: number): Promise<DigestTiming[]> {
  const db = await createDb(`file:${file}`);
  const period = digestPeriod('weekly', new Date(end), 'Europe/London');
  const out: DigestTiming[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const digest = buildDigest(await queryDigestData(db, period, 'sqlite'));
    renderDigestMarkdown(digest);
    const t1 = process.hrtime.bigint();
    await renderDigestChart(digest);
    const t2 = process.hrtime.bigint();
    out.push({ buildMs: Number(t1 - t0) / 1e6, chartMs: Number(t2 - t1) / 1e6, mentionsInWeek: digest.volume.total });
  }
  await db.$disconnect();
  return out;
}
