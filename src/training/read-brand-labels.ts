import fs from 'node:fs';
import { isPostgresUrl } from '../store/apply-migrations.js';
import { createDb } from '../store/create-db.js';
import type { LabelledText } from './read-datasets.js';

/** The brand's own labels and a line saying where they came from (or why there are none). */
export interface BrandLabels {
  labels: LabelledText[];
  note: string;
}

/**
 * The team's labels from the Label table (written by the Slack desk when someone marks a case "not a
 * complaint" or opens a case by hand). The latest label of a text wins. A missing SQLite file or an
 * unreachable database gives no labels and says why: training goes on without them.
 */
export async function readBrandLabels(databaseUrl: string): Promise<BrandLabels> {
  if (!isPostgresUrl(databaseUrl)) {
    const file = databaseUrl.replace(/^file:/, '').replace(/\?.*$/, '');
    if (!fs.existsSync(file)) return { labels: [], note: `no database at ${file}: no brand labels` };
  }
  let db: Awaited<ReturnType<typeof createDb>> | undefined;
  try {
    db = await createDb(databaseUrl);
    const rows = await db.label.findMany({
      select: { text: true, complaint: true },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
    });
    const latest = new Map<string, boolean>();
    for (const r of rows) if (r.text.trim()) latest.set(r.text, r.complaint);
    const labels = [...latest].map(([text, complaint]) => ({ text, complaint, set: 'brand' }));
    const complaints = labels.filter((l) => l.complaint).length;
    return {
      labels,
      note:
        `${labels.length} brand labels (${complaints} complaints, ` +
        `${labels.length - complaints} not) from the database`,
    };
  } catch (error) {
    return {
      labels: [],
      note: `brand labels not read (${(error as Error).message.split('\n')[0]}): training without them`,
    };
  } finally {
    await db?.$disconnect().catch(() => undefined);
  }
}
