import type { Db } from '../store/create-db.js';
import type { LabelledText } from './read-datasets.js';

/** The team's labels, the latest of each text, and when the newest was stored. */
export interface TeamLabels {
  labels: LabelledText[];
  newest?: Date;
}

/** The latest label of each text in the Label table (set `brand`), from an open database. */
export async function readTeamLabels(db: Db): Promise<TeamLabels> {
  const rows = await db.label.findMany({
    select: { text: true, complaint: true, at: true },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
  });
  const latest = new Map<string, boolean>();
  let newest: Date | undefined;
  for (const r of rows) {
    if (r.text.trim()) latest.set(r.text, r.complaint);
    if (!newest || r.at > newest) newest = r.at;
  }
  return { labels: [...latest].map(([text, complaint]) => ({ text, complaint, set: 'brand' })), newest };
}
