import type { Db } from '../store/create-db.js';

/** What importLabels stored. */
export interface ImportOutcome {
  /** New rows in the Label table. */
  added: number;
  /** Texts whose latest label already said the same: nothing stored. */
  unchanged: number;
  /** Of the added, how many say "complaint". */
  complaints: number;
}

// SQLite allows a limited number of bound values per statement.
const CHUNK = 500;

/**
 * Stores the team's labels (source e.g. `import:labels.csv` or `slack:maybe_missed`, by a Slack user id
 * or `cli`) in the Label table, skipping texts whose latest label already says the same, so an import
 * run twice adds nothing and does not count as new labels for the nightly retrain.
 */
export async function importLabels(
  db: Db,
  labels: ReadonlyArray<{ text: string; complaint: boolean; mentionId?: number }>,
  source: string,
  by: string,
  now = new Date(),
): Promise<ImportOutcome> {
  const latest = new Map<string, boolean>();
  const texts = [...new Set(labels.map((l) => l.text))];
  for (let i = 0; i < texts.length; i += CHUNK) {
    const rows = await db.label.findMany({
      where: { text: { in: texts.slice(i, i + CHUNK) } },
      select: { text: true, complaint: true },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
    });
    for (const r of rows) latest.set(r.text, r.complaint);
  }
  const fresh = labels.filter((l) => latest.get(l.text) !== l.complaint);
  for (let i = 0; i < fresh.length; i += CHUNK) {
    await db.label.createMany({
      data: fresh
        .slice(i, i + CHUNK)
        .map((l) => ({ text: l.text, complaint: l.complaint, mentionId: l.mentionId ?? null, source, by, at: now })),
    });
  }
  return {
    added: fresh.length,
    unchanged: labels.length - fresh.length,
    complaints: fresh.filter((l) => l.complaint).length,
  };
}

/** How many team labels were stored after `since` (all of them when undefined). */
export async function countLabelsSince(db: Db, since: Date | undefined): Promise<number> {
  return db.label.count({ where: since ? { at: { gt: since } } : {} });
}
