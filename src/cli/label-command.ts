import fs from 'node:fs';
import path from 'node:path';
import { AppError, ErrorCode } from '../core/app-error.js';
import type { Db } from '../store/create-db.js';
import { importLabels } from '../training/import-labels.js';
import { parseLabelFile } from '../training/parse-label-file.js';

/** `mention-desk label --help`. */
export const LABEL_HELP = `mention-desk label --file FILE: import the team's verdicts on texts into the Label table.

FILE is CSV with a header row holding "text" and "complaint" columns, or JSON lines, one
{"text": "...", "complaint": true} a line (chosen by the extension .csv / .jsonl, else by the content).
"complaint" may be true/false, yes/no, 1/0 or complaint/not. A text given twice keeps its last verdict;
a text whose latest stored label already says the same is skipped. Every refused line is printed with
its reason; the good lines are stored all the same (exit code 1 when a line was refused).

The nightly retrain learns from these labels (RETRAIN_MIN_NEW_LABELS, README "Complaint scoring").`;

/** Imports a label file; returns the exit code (0 all stored, 1 some lines refused). */
export async function runLabelImport(
  db: Db,
  file: string,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  let content: string;
  try {
    content = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppError(ErrorCode.BadInput, `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  const ext = path.extname(file).toLowerCase();
  const format = ext === '.csv' ? 'csv' : ext === '.jsonl' || ext === '.ndjson' ? 'jsonl' : undefined;
  const parsed = parseLabelFile(content, format);
  for (const e of parsed.errors) err(`${file}: ${e}`);
  const stored = await importLabels(db, parsed.labels, `import:${path.basename(file)}`, 'cli');
  out(
    `${file}: ${stored.added} labels stored (` +
      `${stored.complaints} complaints, ${stored.added - stored.complaints} not)` +
      (`, ${stored.unchanged} already labelled the same, ` +
        `${parsed.duplicates} repeated in the file, ${parsed.errors.length} refused`),
  );
  return parsed.errors.length ? 1 : 0;
}
