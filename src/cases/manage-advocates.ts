import crypto from 'node:crypto';
import type { DbTx } from '../store/db-types.js';

/** A linked account as the desk and the CLI show it. */
export interface AdvocateView {
  id: number;
  slackUserId: string;
  channel: string;
  handle: string;
  accountId: string | null;
  verificationCode: string;
  verifiedAt: Date | null;
  createdAt: Date;
}

/** What `add` came to: the account and the code to post, or why not. */
export type AddAdvocateResult =
  | { ok: true; advocate: AdvocateView; already: boolean }
  | { ok: false; reason: 'linked_to_someone_else'; slackUserId: string }
  | { ok: false; reason: 'bad_handle' };

/** Handles are compared without the @ and without case, as every watched platform does. */
export function normaliseHandle(handle: string): string {
  return handle.trim().replace(/^@+/, '').toLowerCase();
}

// Letters and digits that cannot be misread for each other (no 0/O, 1/I/L).
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A fresh code to post or DM from the account: short enough to type on a phone, long enough not to guess. */
export function newVerificationCode(): string {
  const bytes = crypto.randomBytes(8);
  let code = '';
  for (const b of bytes) code += CODE_ALPHABET[b % CODE_ALPHABET.length];
  return `MD-${code}`;
}

// A Mastodon account on another instance is `user@instance`, as Mastodon writes its acct.
const HANDLE = /^[\w.-]{1,64}(?:@[\w.-]{1,253})?$/;

/**
 * Links a team member's own account (`x:@jade_lumora`): stored unverified with a code they post or DM
 * from it. Adding the same account again gives the same code back; an account verified as someone else's
 * is refused, one only claimed by someone else is taken over with a new code.
 */
export async function addAdvocate(
  db: DbTx,
  input: { slackUserId: string; channel: string; handle: string; at: Date },
): Promise<AddAdvocateResult> {
  const handle = normaliseHandle(input.handle);
  if (!HANDLE.test(handle)) return { ok: false, reason: 'bad_handle' };
  const existing = await db.advocate.findUnique({ where: { channel_handle: { channel: input.channel, handle } } });
  if (existing?.slackUserId === input.slackUserId) return { ok: true, advocate: existing, already: true };
  if (existing?.verifiedAt) return { ok: false, reason: 'linked_to_someone_else', slackUserId: existing.slackUserId };
  // An unproven claim cannot squat an account: a new claim replaces it, and whoever posts the code wins.
  if (existing) {
    const advocate = await db.advocate.update({
      where: { id: existing.id },
      data: { slackUserId: input.slackUserId, verificationCode: newVerificationCode(), createdAt: input.at },
    });
    return { ok: true, advocate, already: false };
  }
  const advocate = await db.advocate.create({
    data: {
      slackUserId: input.slackUserId,
      channel: input.channel,
      handle,
      verificationCode: newVerificationCode(),
      createdAt: input.at,
    },
  });
  return { ok: true, advocate, already: false };
}

/** Unlinks one of the person's own accounts; false when they had no such link. */
export async function removeAdvocate(
  db: DbTx,
  input: { slackUserId: string; channel: string; handle: string },
): Promise<boolean> {
  const removed = await db.advocate.deleteMany({
    where: { slackUserId: input.slackUserId, channel: input.channel, handle: normaliseHandle(input.handle) },
  });
  return removed.count > 0;
}

/** The linked accounts, of one person or of everyone, oldest first. */
export async function listAdvocates(db: DbTx, slackUserId?: string): Promise<AdvocateView[]> {
  return db.advocate.findMany({
    where: slackUserId ? { slackUserId } : {},
    orderBy: [{ slackUserId: 'asc' }, { id: 'asc' }],
  });
}
