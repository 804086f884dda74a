import {
  COMMENTARY_WORDS,
  type CommentaryKind,
  FIRST_PERSON,
  OPINION_VERBS,
  OWNERS,
  SECOND_PERSON,
  SERVICE_WORDS,
} from './stance-lexicon.js';

/** A sign of who speaks about what, with the model feature it feeds. */
export interface StanceHit {
  key: 'stance:commentary' | 'stance:detached';
  value: number;
  reason: string;
}

/** Commentary words counted at most: a long rant about the economy is not more commentary than a short one. */
const MAX_COMMENTARY = 3;

// One lookup per token on the hot path: what role, if any, each stance word plays.
type Role = { first: true } | { second: true } | { service: true } | { kind: CommentaryKind; weight: number };
const ROLE = new Map<string, Role>();
for (const w of SERVICE_WORDS) ROLE.set(w, { service: true });
for (const [w, c] of COMMENTARY_WORDS) ROLE.set(w, c);
for (const w of SECOND_PERSON) ROLE.set(w, { second: true });
for (const w of FIRST_PERSON) ROLE.set(w, { first: true });

/**
 * Who speaks about what. `stance:commentary` (the sum of the words' hand weights, negative): words
 * about the world (economy, markets, politics, offers, news, "I think"), except what the writer owns
 * ("my shares") and words inside a lexicon phrase (`inPhrase[i]` set). `stance:detached`: no I, no you and nothing a
 * company provides (`hasTopic` false,
 * no service word), as chatter reads. `tokens` from tokenizeText.
 */
export function findStance(tokens: string[], hasTopic: boolean, inPhrase?: ArrayLike<string | undefined>): StanceHit[] {
  let writer = false,
    addressed = false,
    service = hasTopic;
  let commentary = 0;
  let example: { word: string; kind: CommentaryKind } | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const role = ROLE.get(t) ?? (t.endsWith("'s") ? ROLE.get(t.slice(0, -2)) : undefined); // "the government's"
    if (role === undefined) continue;
    if ('first' in role) {
      writer = true;
      if (OPINION_VERBS.has(tokens[i + 1])) {
        commentary -= 1;
        example ??= { word: `${t} ${tokens[i + 1]}`, kind: 'an opinion' };
      }
    } else if ('second' in role) addressed = true;
    else if ('service' in role) service = true;
    // A word inside a lexicon phrase means what the phrase means: "out of stock" is not market talk.
    else if (!inPhrase?.[i] && !OWNERS.has(tokens[i - 1]) && !OWNERS.has(tokens[i - 2])) {
      commentary += role.weight;
      example ??= { word: t, kind: role.kind };
    }
  }
  const out: StanceHit[] = [];
  if (example)
    out.push({
      key: 'stance:commentary',
      value: Math.max(-MAX_COMMENTARY, commentary),
      reason: `commentary on ${example.kind} ("${example.word}")`,
    });
  if (!writer && !addressed && !service)
    out.push({ key: 'stance:detached', value: 1, reason: 'no I, no you, nothing a company provides' });
  return out;
}
