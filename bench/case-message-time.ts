import path from 'node:path';
import Database from 'better-sqlite3';
import { loadCaseView } from '../src/cases/load-case-view';
import { renderCaseMessage } from '../src/slack/render/render-case-message';
import { applyMigrations } from '../src/store/apply-migrations';
import { createDb } from '../src/store/create-db';

const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');
const CUSTOMERS = 50_000;

/**
 * Seeds `n` mentions from CUSTOMERS people straight into a fresh SQLite file, plus one person (customer 1)
 * with `own` posts on X and a linked Discord identity, five earlier cases, an open one and the brand's
 * answers: the case message of that open case is what the bench renders. Returns the file and case id.
 */
export async function seedForCaseMessage(dir: string, n: number, own: number, end: number) {
  const file = path.join(dir, 'case-message-bench.db');
  await applyMigrations(`file:${file}`);
  const db = new Database(file);
  db.pragma('synchronous = OFF');
  const customer = db.prepare('INSERT INTO Customer (id, displayName, createdAt) VALUES (?, ?, ?)');
  const identity = db.prepare(
    'INSERT INTO Identity (id, customerId, channel, externalId, handle, name, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const mention =
    db.prepare(`INSERT INTO Mention (channel, externalId, identityId, customerId, text, postedAt, receivedAt, mentionsBrand, isPrivate,
    score, complaint, reasons, topic, severity, language, decision, decisionReasons, caseId)
    VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, 0.5, ?, '[]', 'billing', 'none', 'en', 'ignore', '[]', ?)`);
  const kase =
    db.prepare(`INSERT INTO "Case" (id, customerId, channel, status, topic, severity, score, openedAt, resolvedAt, outcome, rating, updatedAt)
    VALUES (?, 1, ?, ?, 'billing', 'blame', 0.9, ?, ?, ?, ?, ?)`);
  const sent =
    db.prepare(`INSERT INTO OutboundMessage (idempotencyKey, channel, kind, purpose, target, text, status, caseId,
    createdAt, updatedAt, sentAt, textHash) VALUES (?, ?, ?, 'human_reply', '{}', ?, 'sent', ?, ?, ?, ?, 'h')`);
  const span = 90 * 86_400_000;
  const openCase = 6;
  db.transaction(() => {
    for (let c = 1; c <= CUSTOMERS; c++) {
      customer.run(c, `Person ${c}`, iso(end - span));
      identity.run(c, c, c % 4 === 0 ? 'discord' : 'x', `u${c}`, `user_${c}`, `Person ${c}`, iso(end - span));
    }
    identity.run(CUSTOMERS + 1, 1, 'discord', 'd-maria', 'maria.k', 'Person 1', iso(end - span));
    for (let k = 1; k <= openCase; k++)
      kase.run(
        k,
        k % 2 ? 'x' : 'discord',
        k === openCase ? 'open' : 'resolved',
        iso(end - span + k * 86_400_000),
        k === openCase ? null : iso(end - span + k * 86_400_000 + 3_600_000),
        k === openCase ? null : 'solved',
        k === openCase ? null : (k % 5) + 1,
        iso(end),
      );
    for (let i = 0; i < own; i++) {
      const at = end - span + Math.floor((i / own) * span);
      const discord = i % 3 === 0;
      mention.run(
        discord ? 'discord' : 'x',
        `own-${i}`,
        discord ? CUSTOMERS + 1 : 1,
        1,
        `my bill is wrong again & again <b>${i}</b>, sort it out please`,
        iso(at),
        iso(at),
        discord && i % 2 ? 1 : 0,
        1,
        Math.min(openCase, 1 + Math.floor((i / own) * openCase)),
      );
      if (i % 2 === 0)
        sent.run(
          `bench:${i}`,
          discord ? 'discord' : 'x',
          discord ? 'private_message' : 'public_reply',
          `Sorry about that, we are on it (${i})`,
          Math.min(openCase, 1 + Math.floor((i / own) * openCase)),
          iso(at + 60_000),
          iso(at + 60_000),
          iso(at + 60_000),
        );
    }
    for (let i = 0; i < n - own; i++) {
      const at = end - Math.floor((i / n) * span);
      const c = 2 + (i % (CUSTOMERS - 1));
      mention.run(
        c % 4 === 0 ? 'discord' : 'x',
        `m${i}`,
        c,
        c,
        'some text about the brand',
        iso(at),
        iso(at),
        0,
        i % 3 === 0 ? 1 : 0,
        null,
      );
    }
  })();
  db.close();
  return { file, caseId: openCase };
}

/** Times loading the case view (database) and rendering its Block Kit message, `runs` times; the first is cold. */
export async function caseMessageTimes(file: string, caseId: number, runs: number) {
  const db = await createDb(`file:${file}`);
  const out: Array<{ ms: number; blocks: number; entries: number; total: number }> = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const view = await loadCaseView(db, caseId);
    const message = renderCaseMessage(view!);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    out.push({ ms, blocks: message.blocks.length, entries: view!.story!.entries.length, total: view!.story!.total });
  }
  await db.$disconnect();
  return out;
}
