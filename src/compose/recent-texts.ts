/**
 * Texts (and template combinations) used within the uniqueness window, held in memory so the composer
 * stays synchronous. Seeded from the outbox at start-up; the outbox's text hashes are the durable record.
 */
export class RecentTexts {
  private readonly used = new Map<string, number>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a hash (of a full text or of a template combination) at `at` (ms). */
  add(hash: string, at = this.now()): void {
    this.used.set(hash, Math.max(at, this.used.get(hash) ?? 0));
  }

  /** When `hash` was last used inside the window, or undefined. */
  lastUsed(hash: string): number | undefined {
    const at = this.used.get(hash);
    if (at === undefined) return undefined;
    if (at < this.now() - this.windowMs) {
      this.used.delete(hash);
      return undefined;
    }
    return at;
  }

  has(hash: string): boolean {
    return this.lastUsed(hash) !== undefined;
  }
}
