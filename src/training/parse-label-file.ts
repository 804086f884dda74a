import { parse } from 'csv-parse/sync';

/** One label from an import file. */
export interface ImportedLabel {
  text: string;
  complaint: boolean;
  /** Line of the file it came from (the last one, for a text given more than once). */
  line: number;
}

/** What an import file held: its labels (one per text), the lines that were refused and why, duplicates dropped. */
export interface ParsedLabels {
  labels: ImportedLabel[];
  /** `line 4: "complaint" is "maybe"; use true/false, yes/no, 1/0 or complaint/not` */
  errors: string[];
  /** Lines whose text came again later in the file (the later label wins). */
  duplicates: number;
}

/** Longest text kept: the scorer reads no more (MAX_SCORED_CHARS), and a label beyond it teaches nothing. */
const MAX_TEXT = 4000;
const YES = new Set(['true', 'yes', 'y', '1', 'complaint']);
const NO = new Set(['false', 'no', 'n', '0', 'not', 'not a complaint', 'not_complaint', 'other', 'request']);

function verdict(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  return YES.has(v) ? true : NO.has(v) ? false : undefined;
}

function check(text: unknown, complaint: unknown, line: number, errors: string[]): ImportedLabel | undefined {
  if (typeof text !== 'string' || !text.trim()) return void errors.push(`line ${line}: no "text"`);
  if (text.length > MAX_TEXT)
    return void errors.push(`line ${line}: "text" is ${text.length} characters, more than ${MAX_TEXT}`);
  const said = verdict(complaint);
  if (said === undefined) {
    return void errors.push(
      `line ${line}: "complaint" is ${JSON.stringify(complaint ?? null)}; use true/false, yes/no, 1/0 or complaint/not`,
    );
  }
  return { text: text.trim(), complaint: said, line };
}

/**
 * Reads labels from a CSV file (a header row with `text` and `complaint` columns) or JSON lines (one
 * `{"text": …, "complaint": …}` object a line), chosen by `format` or, when absent, by the content.
 * Every bad line is named with its reason and skipped; the good ones are kept, one per text (the last).
 */
export function parseLabelFile(content: string, format?: 'csv' | 'jsonl'): ParsedLabels {
  const body = content.replace(/^\uFEFF/, '');
  const kind = format ?? (body.trimStart().startsWith('{') ? 'jsonl' : 'csv');
  const errors: string[] = [];
  const found: ImportedLabel[] = [];
  if (kind === 'jsonl') {
    body.split('\n').forEach((raw, i) => {
      if (!raw.trim()) return;
      let row: unknown;
      try {
        row = JSON.parse(raw);
      } catch (error) {
        return void errors.push(`line ${i + 1}: not JSON (${(error as Error).message})`);
      }
      if (!row || typeof row !== 'object' || Array.isArray(row))
        return void errors.push(`line ${i + 1}: not a JSON object`);
      const label = check(
        (row as Record<string, unknown>).text,
        (row as Record<string, unknown>).complaint,
        i + 1,
        errors,
      );
      if (label) found.push(label);
    });
  } else {
    let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
    try {
      records = parse(body, {
        columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
        info: true,
        skip_empty_lines: true,
        relax_column_count: true,
        bom: true,
      });
    } catch (error) {
      return { labels: [], errors: [`not a CSV file: ${(error as Error).message}`], duplicates: 0 };
    }
    const header = records[0] ? Object.keys(records[0].record) : [];
    if (records.length && !(header.includes('text') && header.includes('complaint'))) {
      return {
        labels: [],
        errors: [`line 1: the header needs "text" and "complaint" columns (found: ${header.join(', ')})`],
        duplicates: 0,
      };
    }
    for (const { record, info } of records) {
      const label = check(record.text, record.complaint, info.lines, errors);
      if (label) found.push(label);
    }
  }
  const byText = new Map<string, ImportedLabel>();
  for (const label of found) {
    byText.delete(label.text); // the later line wins, and keeps its place in file order
    byText.set(label.text, label);
  }
  return { labels: [...byText.values()], errors, duplicates: found.length - byText.size };
}
