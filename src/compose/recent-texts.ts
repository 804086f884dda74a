/**
 * Texts (and template combinations) used within the uniqueness window, held in memory so the composer
 * stays synchronous. Seeded from the outbox at start-up; the outbox's text hashes are the durable record.
 *
 * Both maps keep their entries in the order of use (a reuse moves an entry to the end), so the oldest
 * entry is always first: expired ones are dropped from the front as new ones arrive, and the least
 * recently used combination of a group is read without sorting anything.
 */
export class RecentTexts {
  private readonly texts = new Map<number | string, number>();
  private readonly combos = new Map<string, Map<number, number>>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records the hash of a full text at `at` (ms). */
  add(hash: string, at = this.now()): void {
    touch(this.texts, compactKey(hash), at);
    this.dropExpired(this.texts);
  }

  /** Whether the text with this hash was used inside the window. */
  has(hash: string): boolean {
    const key = compactKey(hash);
    const at = this.texts.get(key);
    if (at === undefined) return false;
    if (at >= this.cutoff()) return true;
    this.texts.delete(key);
    return false;
  }

  /** How many text hashes are held (expired ones not yet dropped included). */
  get size(): number {
    return this.texts.size;
  }

  /** Records that combination `index` of `group` (e.g. one topic and pointer kind) was used at `at`. */
  useCombo(group: string, index: number, at = this.now()): void {
    let used = this.combos.get(group);
    if (!used) {
      used = new Map();
      this.combos.set(group, used);
    }
    touch(used, index, at);
  }

  /**
   * The combinations of `group` used inside the window, least recently used first. Expired ones are
   * dropped on the way: they count as unused again.
   */
  usedCombos(group: string): ReadonlyMap<number, number> {
    const used = this.combos.get(group);
    if (!used) return EMPTY;
    this.dropExpired(used);
    return used;
  }

  private cutoff(): number {
    return this.now() - this.windowMs;
  }

  // Entries are in the order of use, so the expired ones are at the front; an entry recorded out of
  // order (an older time after a newer one) waits until a lookup finds it expired.
  private dropExpired<K>(used: Map<K, number>): void {
    const cutoff = this.cutoff();
    for (const [key, at] of used) {
      if (at >= cutoff) return;
      used.delete(key);
    }
  }
}

const EMPTY: ReadonlyMap<number, number> = new Map();

// A sha256 hex hash is kept as the number its first 52 bits make (a double holds them exactly): about
// 40 bytes an entry instead of about 120 for the 64-character string, with 100,000 hashes held from
// start-up. Two texts sharing 52 bits (odds about 1 in 10^6 among 100,000) would only make the composer
// pick another wording. Anything that is not such a hash is kept as it is.
const HEX_HASH = /^[0-9a-f]{64}$/;
function compactKey(hash: string): number | string {
  return HEX_HASH.test(hash) ? Number.parseInt(hash.slice(0, 13), 16) : hash;
}

function touch<K>(used: Map<K, number>, key: K, at: number): void {
  const before = used.get(key);
  if (before !== undefined) {
    if (before >= at) return;
    used.delete(key);
  }
  used.set(key, at);
}
