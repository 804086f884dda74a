import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

/** One labelled text for training or measuring. */
export interface LabelledText {
  text: string;
  complaint: boolean;
  /** Where it comes from: `x-fincorp`, `cesamard`, or `brand` (the team's own labels). */
  set: string;
  /** The data set's severity label, when it has one (e.g. "Blame"). */
  severity?: string;
  /** The data set's domain or category, when it has one (e.g. "Credit card", "Electronics"). */
  domain?: string;
  /** How much this example counts in training (brand labels count more). */
  weight?: number;
}

/** The labelled sets known to the trainer, by folder under ../shared/data (see its README). */
export const DATASETS = ['x-fincorp', 'cesamard'] as const;

// CSV rows as arrays: CESAMARD repeats some column names, so objects keyed by header would lose columns.
function readRows(file: string): { header: string[]; rows: string[][] } {
  const [header, ...rows] = parse(fs.readFileSync(file), { relax_column_count: true, bom: true }) as string[][];
  return { header, rows };
}

function column(header: string[], name: string, file: string): number {
  const i = header.indexOf(name);
  if (i < 0) throw new Error(`${file}: no column "${name}" (columns: ${header.join(', ')})`);
  return i;
}

/** X-FINCORP: tweets to banks and payment services (Das et al., PAKDD 2023). */
export function readXFincorp(dataDir: string): LabelledText[] {
  const file = path.join(dataDir, 'x-fincorp', 'X-FINCORP.converted.csv');
  const { header, rows } = readRows(file);
  const [text, label, severity, domain] = ['Complaint/ Opinion', 'Complaint Label', 'Severity level', 'Domain'].map(
    (c) => column(header, c, file),
  );
  return rows
    .filter((r) => r[text]?.trim() && (r[label] === '0' || r[label] === '1'))
    .map((r) => ({
      text: r[text],
      complaint: r[label] === '1',
      set: 'x-fincorp',
      severity: r[severity] || undefined,
      domain: r[domain] || undefined,
    }));
}

/** CESAMARD-Aspect: Amazon product reviews (Singh et al., ECIR 2023). The title is part of the text. */
export function readCesamard(dataDir: string): LabelledText[] {
  const file = path.join(dataDir, 'cesamard', 'CESAMARD-Aspect_Dataset.csv');
  const { header, rows } = readRows(file);
  const [title, review, label, severity, domain] = ['Title', 'Review_S', 'Complaint', 'Severity', 'Domain'].map((c) =>
    column(header, c, file),
  );
  return rows
    .filter((r) => r[review]?.trim() && (r[label] === '0' || r[label] === '1'))
    .map((r) => ({
      text: `${r[title].trim()}. ${r[review].trim()}`,
      complaint: r[label] === '1',
      set: 'cesamard',
      severity: r[severity] || undefined,
      domain: r[domain] || undefined,
    }));
}

/** Every labelled set found in `dataDir`, by name; empty when the folder is absent. */
export function readDatasets(dataDir: string): Map<string, LabelledText[]> {
  const sets = new Map<string, LabelledText[]>();
  if (!fs.existsSync(dataDir)) return sets;
  if (fs.existsSync(path.join(dataDir, 'x-fincorp'))) sets.set('x-fincorp', readXFincorp(dataDir));
  if (fs.existsSync(path.join(dataDir, 'cesamard'))) sets.set('cesamard', readCesamard(dataDir));
  return sets;
}
