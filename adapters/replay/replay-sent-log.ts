import fs from 'node:fs';
import path from 'node:path';

/** One message the replay adapter "sent": the demo's stand-in for a platform's record of posts. */
export interface ReplaySentEntry {
  key: string;
  kind: 'reply' | 'private';
  text: string;
  target: Record<string, unknown>;
  externalId: string;
  at: string;
}

/**
 * Where the replay adapter delivers: an append-only JSON-lines file (or memory, when no file is given).
 * It plays the platform's part in the exactly-once story: after a crash, `find` tells whether a message
 * really went out.
 */
export class ReplaySentLog {
  private readonly entries = new Map<string, ReplaySentEntry>();
  private folderMade = false;

  constructor(private readonly file?: string) {
    if (file && fs.existsSync(file)) {
      for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        try {
          const entry = JSON.parse(line) as ReplaySentEntry;
          this.entries.set(entry.key, entry);
        } catch {
          // A torn last line from a crash mid-write: that message was not delivered.
        }
      }
    }
  }

  append(entry: Omit<ReplaySentEntry, 'externalId' | 'at'>): ReplaySentEntry {
    const full = { ...entry, externalId: `replay-${this.entries.size + 1}`, at: new Date().toISOString() };
    if (this.file) {
      // Once: a replay appends thousands of lines a second, and each mkdir is a system call.
      if (!this.folderMade) fs.mkdirSync(path.dirname(this.file), { recursive: true });
      this.folderMade = true;
      fs.appendFileSync(this.file, `${JSON.stringify(full)}\n`);
    }
    this.entries.set(full.key, full);
    return full;
  }

  find(key: string): ReplaySentEntry | undefined {
    return this.entries.get(key);
  }

  all(): ReplaySentEntry[] {
    return [...this.entries.values()];
  }
}
