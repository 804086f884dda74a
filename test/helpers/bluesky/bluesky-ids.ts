import crypto from 'node:crypto';

const B32 = 'abcdefghijklmnopqrstuvwxyz234567';
const S32 = '234567abcdefghijklmnopqrstuvwxyz';

// RFC 4648 base32, lower case, no padding: what CIDv1 strings use after their "b" prefix.
function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31];
  return out;
}

/** A real CIDv1 (dag-cbor, sha-256) of `content`: the shape Bluesky's lexicons check. */
export function cidOf(content: string): string {
  const digest = crypto.createHash('sha256').update(content).digest();
  return `b${base32(Uint8Array.from([0x01, 0x71, 0x12, 0x20, ...digest]))}`;
}

/** A record key in TID form (13 sortable base32 characters: microseconds then a clock id). */
export function tidAt(at: Date, seq = 0): string {
  let n = (BigInt(at.getTime()) * 1000n + BigInt(seq)) << 10n;
  let out = '';
  for (let i = 0; i < 13; i++) {
    out = S32[Number(n & 31n)] + out;
    n >>= 5n;
  }
  return out;
}

/** A did:plc identifier for a test account. */
export function didFor(name: string): string {
  return `did:plc:${base32(crypto.createHash('sha256').update(name).digest()).slice(0, 24)}`;
}
