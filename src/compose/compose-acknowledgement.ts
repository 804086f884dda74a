import { AppError, ErrorCode } from '../core/app-error.js';
import { type ChannelLimit, fitsLimit } from '../core/channel-limit.js';
import { textHash } from '../core/text-hash.js';
import type { Topic } from '../scoring/score-types.js';
import { findLiabilityPhrases } from './check-liability.js';
import { fillTemplate, type Prompts } from './load-prompts.js';
import { seededOrder } from './pick-variant.js';
import type { RecentTexts } from './recent-texts.js';

/** Everything the acknowledgement says that is specific to this mention. */
export interface AcknowledgementInput {
  channel: string;
  /** The channel's length limit, counted as the platform counts. */
  limit: ChannelLimit;
  name: string;
  brand: string;
  topic: Topic;
  /** The case reference the customer can quote. */
  ref: string;
  /** Which "## pointer <kind>" of private-invitation.txt ends the reply (x, x-link, discord, ...). */
  pointerKind: string;
  /** Values for the pointer's own placeholders (dm_link, handle). */
  pointerValues?: Record<string, string>;
  /** Varies the choice between mentions while keeping it reproducible for one mention. */
  seed: string;
}

/**
 * Composes a public acknowledgement: one opening, one topic line, one closing and one private-message
 * pointer, in a combination not used within the window when possible, never a text already sent,
 * always within the channel's limit and free of liability-admitting words. Records what it used in
 * `recent`. Throws when every text it could write was already sent (only possible for one reference
 * over and over): repeating is refused rather than risked.
 */
export function composeAcknowledgement(prompts: Prompts, input: AcknowledgementInput, recent: RecentTexts): string {
  const ack = prompts.acknowledgement;
  const openings = ack.get('opening')!;
  const topics = ack.get(`topic ${input.topic}`)?.length ? ack.get(`topic ${input.topic}`)! : ack.get('topic other')!;
  const closings = ack.get('closing')!;
  const pointers = pointerVariants(prompts, input.pointerKind).map((v) =>
    fillTemplate(v, { brand: input.brand, name: input.name, ref: input.ref, ...input.pointerValues }),
  );
  const sizes = [openings.length, topics.length, closings.length, pointers.length];
  const order = seededOrder(
    sizes.reduce((a, b) => a * b),
    input.seed,
  );

  // Combinations unused within the window first (in this mention's shuffled order), then the least
  // recently used. Recency is a map lookup; a text is only rendered and checked for a candidate, so a
  // busy brand whose every combination was used this month still composes in microseconds.
  const candidates = order.map((n) => {
    const [o, t, c, p] = mixedRadix(n, sizes);
    const combo = `ack:${input.topic}:${input.pointerKind}:${o}:${t}:${c}:${p}`;
    return { parts: [o, t, c, p], combo, lastUsed: recent.lastUsed(combo) ?? -Infinity };
  });
  candidates.sort((a, b) => a.lastUsed - b.lastUsed); // stable: unused ones keep the shuffled order
  for (const {
    parts: [o, t, c, p],
    combo,
  } of candidates) {
    const values = { name: input.name, brand: input.brand, ref: input.ref, private: pointers[p] };
    const text = [openings[o], topics[t], closings[c]].map((part) => fillTemplate(part, values)).join(' ');
    // A placeholder left unfilled (a pointer value the channel did not supply) is never sent.
    if (
      /\{\w+\}/.test(text) ||
      !fitsLimit(input.limit, text) ||
      recent.has(textHash(text)) ||
      findLiabilityPhrases(text).length
    )
      continue;
    return remember(recent, text, combo);
  }
  throw new AppError(
    ErrorCode.PromptInvalid,
    `no acknowledgement variant fits ${input.channel} for case ${input.ref}`,
    { humanMessage: 'No acknowledgement template fits this channel; shorten the prompts.' },
  );
}

/** The variants of the private-message pointer of `kind`; the channel-neutral "replay" ones when it has none. */
export function pointerVariants(prompts: Prompts, kind: string): string[] {
  return prompts.privateInvitation.get(`pointer ${kind}`) ?? prompts.privateInvitation.get('pointer replay') ?? [''];
}

/** Digits of `n` in a mixed radix: one index per template part. */
function mixedRadix(n: number, sizes: number[]): number[] {
  return sizes.map((size) => {
    const digit = n % size;
    n = Math.floor(n / size);
    return digit;
  });
}

function remember(recent: RecentTexts, text: string, combo: string): string {
  recent.add(textHash(text));
  recent.add(combo);
  return text;
}
