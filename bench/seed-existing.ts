import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { applyMigrations } from '../src/store/apply-migrations';

// Prisma's SQLite adapter stores dates as ISO text with an explicit offset; the seed writes the same.
const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');
const DAY = 86_400_000;
// The synthetic traffic's authors (u0..u7999) are among the seeded customers, on both channels, so the
// per-batch lookups find identities and cases as they would in a long-running desk.
const TRAFFIC_AUTHORS = 8000;

/**
 * A database that already holds `n` mentions over the 90 days before `end`, as the pipeline leaves them:
 * 2 in 5 opened a case (1 in 10 of those still open or claimed, a third of the resolved ones waiting for
 * a rating), each case with its opening event, its public acknowledgement and its Slack message. Written
 * straight with better-sqlite3 in one transaction: the point is what the pipeline does next, not seeding.
 */
export async function seedExistingMentions(dir: string, n: number, end: number): Promise<string> {
  const file = path.join(dir, `existing-${n}.db`);
  await applyMigrations(`file:${file}`);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const customers = Math.max(TRAFFIC_AUTHORS, Math.floor(n / 25));
  const customer = db.prepare('INSERT INTO Customer (id, displayName, createdAt) VALUES (?, ?, ?)');
  const identity = db.prepare(
    'INSERT INTO Identity (customerId, channel, externalId, handle, name, createdAt) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const mention = db.prepare(`INSERT INTO Mention (id, channel, externalId, identityId, customerId, text, postedAt,
    receivedAt, mentionsBrand, isPrivate, score, complaint, reasons, topic, severity, language, decision,
    decisionReasons, caseId) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, 0, ?, ?, '[]', 'billing', 'none', 'en', ?, '[]', ?)`);
  const kase = db.prepare(`INSERT INTO "Case" (id, customerId, channel, status, topic, severity, score, openedAt,
    resolvedAt, followUpSentAt, rating, updatedAt) VALUES (?, ?, 'x', ?, 'billing', 'blame', 0.8, ?, ?, ?, ?, ?)`);
  const event = db.prepare(
    `INSERT INTO CaseEvent (caseId, at, actor, type, detail) VALUES (?, ?, 'bot', 'opened', '{}')`,
  );
  const outbound = db.prepare(`INSERT INTO OutboundMessage (idempotencyKey, channel, kind, purpose, target, text,
    status, caseId, mentionId, createdAt, updatedAt, sentAt, textHash, notBefore)
    VALUES (?, ?, ?, ?, '{}', ?, 'sent', ?, ?, ?, ?, ?, ?, ?)`);
  db.transaction(() => {
    const start = iso(end - 90 * DAY);
    for (let c = 1; c <= customers; c++) {
      customer.run(c, `Person ${c}`, start);
      identity.run(c, 'x', `u${c - 1}`, `user_${c - 1}`, `User ${c - 1}`, start);
      if (c <= TRAFFIC_AUTHORS) identity.run(c, 'discord', `u${c - 1}`, `user_${c - 1}`, `User ${c - 1}`, start);
    }
    let cases = 0;
    for (let i = 1; i <= n; i++) {
      const at = iso(end - 90 * DAY + Math.floor((i / n) * 90 * DAY) - 60_000);
      const c = 1 + (i % customers);
      const opens = i % 5 < 2;
      const caseId = opens ? ++cases : null;
      if (caseId !== null) {
        const status = caseId % 20 === 0 ? 'open' : caseId % 20 === 1 ? 'claimed' : 'resolved';
        const resolved = status === 'resolved';
        const waiting = resolved && caseId % 3 === 0;
        kase.run(caseId, c, status, at, resolved ? at : null, waiting ? at : null, resolved && !waiting ? 4 : null, at);
        event.run(caseId, at);
      }
      mention.run(
        i,
        'x',
        `old-${i}`,
        c,
        c,
        `@lumora stored mention ${i}`,
        at,
        at,
        opens ? 0.8 : 0.1,
        opens ? 1 : 0,
        opens ? 'open_case' : 'ignore',
        caseId,
      );
      if (caseId === null) continue;
      const text = `Hi User, sorry about this. Ref #${caseId}`;
      const hash = crypto.createHash('sha256').update(text.toLowerCase()).digest('hex');
      outbound.run(`ack:x:old-${i}`, 'x', 'public_reply', 'acknowledgement', text, caseId, i, at, at, at, hash, at);
      outbound.run(
        `case:${caseId}`,
        'slack',
        'slack_case',
        'case_message',
        `case ${caseId}`,
        caseId,
        i,
        at,
        at,
        at,
        '',
        at,
      );
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return file;
}

/** Copies a SQLite file (a seeded database used by two runs). */
export function copyDatabase(from: string, to: string): void {
  const db = new Database(from);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  fs.copyFileSync(from, to);
}
