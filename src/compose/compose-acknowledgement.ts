import { AppError, ErrorCode } from '../core/app-error.js';
import { type ChannelLimit, fitsLimit } from '../core/channel-limit.js';
import { textHash } from '../core/text-hash.js';
import type { Topic } from '../scoring/score-types.js';
import { findLiabilityPhrases } from './check-liability.js';
import { fillTemplate, type Prompts } from './load-prompts.js';
import { seededPermutation } from './pick-variant.js';
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

/** A composed text with its hash (textHash), computed once and stored with the outbound row. */
export interface ComposedText {
  text: string;
  hash: string;
}

/**
 * Composes a public acknowledgement: one opening, one topic line, one closing and one private-message
 * pointer, in a combination not used within the window when possible, never a text already sent,
 * always within the channel's limit and free of liability-admitting words. Records what it used in
 * `recent`. Throws when every text it could write was already sent (only possible for one reference
 * over and over): repeating is refused rather than risked.
 */
export function composeAcknowledgement(prompts: Prompts, input: AcknowledgementInput, recent: RecentTexts): string {
  return composeAcknowledgementHashed(prompts, input, recent).text;
}

/** composeAcknowledgement, also returning the text's hash. */
export function composeAcknowledgementHashed(
  prompts: Prompts,
  input: AcknowledgementInput,
  recent: RecentTexts,
): ComposedText {
  const ack = prompts.acknowledgement;
  const openings = ack.get('opening')!;
  const topics = ack.get(`topic ${input.topic}`)?.length ? ack.get(`topic ${input.topic}`)! : ack.get('topic other')!;
  const closings = ack.get('closing')!;
  const pointerTemplates = pointerVariants(prompts, input.pointerKind);
  const sizes = [openings.length, topics.length, closings.length, pointerTemplates.length];
  const total = sizes[0] * sizes[1] * sizes[2] * sizes[3];
  const group = `ack:${input.topic}:${input.pointerKind}`;

  const render = (combo: number): ComposedText | undefined => {
    const [o, t, c, p] = mixedRadix(combo, sizes);
    const pointer = fillTemplate(pointerTemplates[p], {
      brand: input.brand,
      name: input.name,
      ref: input.ref,
      ...input.pointerValues,
    });
    const values = { name: input.name, brand: input.brand, ref: input.ref, private: pointer };
    const text =
      `${fillTemplate(openings[o], values)} ` +
      `${fillTemplate(topics[t], values)} ${fillTemplate(closings[c], values)}`;
    // A placeholder left unfilled (a pointer value the channel did not supply) is never sent.
    if (/\{\w+\}/.test(text) || !fitsLimit(input.limit, text) || findLiabilityPhrases(text).length) return undefined;
    const hash = textHash(text);
    return recent.has(hash) ? undefined : { text, hash };
  };

  // Combinations unused within the window first, in this mention's seeded order, then the least
  // recently used. Both are read lazily (the used ones are kept in order of use), and a text is only
  // rendered for a candidate, so composing usually renders one text whatever the number of combinations.
  const used = recent.usedCombos(group);
  if (used.size < total) {
    const order = seededPermutation(total, input.seed);
    for (let k = 0; k < total; k++) {
      const combo = order(k);
      if (used.has(combo)) continue;
      const composed = render(combo);
      if (composed) return remember(recent, group, combo, composed);
    }
  }
  for (const combo of used.keys()) {
    const composed = render(combo);
    if (composed) return remember(recent, group, combo, composed);
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

function remember(recent: RecentTexts, group: string, combo: number, composed: ComposedText): ComposedText {
  recent.add(composed.hash);
  recent.useCombo(group, combo);
  return composed;
}
