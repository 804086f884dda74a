/** What the suggestion rules compare about an identity. */
export interface ComparedIdentity {
  channel: string;
  handle: string;
  name: string;
}

/** Display names compared without case, accents, spacing and punctuation ("María K." = "maria k"). */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const handleKey = (handle: string) => nameKey(handle).replace(/\d+$/, '');

/**
 * Why two identities on different channels may be the same person, or null. The rule is the issue's:
 * the same display name AND a similar handle (one contains the other once trailing digits and
 * punctuation are dropped, or they are at most two edits apart). A shared name alone is not enough:
 * "Maria K" is a common name; a name and a handle together rarely collide by chance.
 */
export function compareIdentities(a: ComparedIdentity, b: ComparedIdentity): string | null {
  if (a.channel === b.channel) return null;
  const name = nameKey(a.name);
  if (name.length < 3 || name !== nameKey(b.name)) return null;
  const ha = handleKey(a.handle);
  const hb = handleKey(b.handle);
  if (ha.length < 3 || hb.length < 3) return null;
  const similar = ha === hb || ha.includes(hb) || hb.includes(ha) || editDistance(ha, hb) <= 2;
  return similar ? `same display name "${a.name}" and a similar handle (@${a.handle}, @${b.handle})` : null;
}

// Plain Levenshtein on short strings (handles): natural's index would load its storage back-ends.
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}
