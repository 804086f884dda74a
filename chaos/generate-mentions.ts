import type { Random } from './seeded-random';

/** What a generated mention is meant to be (the harness's ground truth). */
export type MentionKind = 'complaint' | 'praise' | 'question';

export interface GeneratedMention {
  kind: MentionKind;
  /** A token no other mention carries, to find the mention again in Slack and in the database. */
  tag: string;
  /** The words after the @mention (the caller adds the platform's way of addressing the brand). */
  body: string;
  handle: string;
  name: string;
}

const COMPLAINTS = [
  'my broadband has been down for three days and nobody at support answers, this is awful',
  'charged twice for the same bill this month and still no refund, absolutely useless service',
  'the engineer never showed up again, wasted a whole day off work, disgusting',
  'internet keeps dropping every evening, worst provider I have ever had',
  'been on hold for 90 minutes and the call got cut off, terrible customer service',
  'my new router arrived broken and the replacement is also broken, so angry',
  'you cut my line off by mistake and now you want a reconnection fee, outrageous!!',
  'app says my account does not exist after I paid for a year, this is a scam',
  'speed is a tenth of what I pay for and support just hangs up on me, furious',
  'still no signal in my flat after five complaints, this is ridiculous and unacceptable',
] as const;

const PRAISE = [
  'shoutout to the store team, sorted my upgrade in ten minutes, great service',
  'fibre install went perfectly today, the engineer was brilliant, thank you',
  'love the new app update, paying the bill is so easy now',
  'quick fix from support this morning, really impressed',
  'best connection I have had in years, keep it up',
] as const;

const QUESTIONS = [
  'does the new tariff include international calls?',
  'what time does the city centre store open on Sunday?',
  'can I move my contract to my new address next month?',
  'is there a student discount on the fibre plans?',
  'how do I set up the parental controls on the hub?',
] as const;

const FIRST = [
  'Maya',
  'Tomasz',
  'Kezia',
  'Darren',
  'Aisha',
  'Luca',
  'Priya',
  'Ola',
  'Sam',
  'Noor',
  'Felix',
  'Ines',
  'Jon',
  'Rhea',
  'Kofi',
];
const LAST = [
  'Hart',
  'Nowak',
  'Bamidele',
  'Platt',
  'Rahman',
  'Bianchi',
  'Shah',
  'Berg',
  'Cole',
  'Haddad',
  'Lind',
  'Costa',
  'Ward',
  'Iyer',
  'Mensah',
];

/** Mix of the sample stream: mostly complaints, then praise and questions. */
export interface TrafficMix {
  complaint: number;
  praise: number;
  question: number;
}

export const DEFAULT_MIX: TrafficMix = { complaint: 0.45, praise: 0.3, question: 0.25 };

/**
 * Makes mentions of the fictional brand in the sample stream's style: complaints, praise and
 * questions, every text distinct (a reference token and the author's own words), every author new.
 */
export function mentionGenerator(random: Random, prefix: string, mix: TrafficMix = DEFAULT_MIX) {
  let n = 0;
  return (forced?: MentionKind): GeneratedMention => {
    n++;
    const r = random.next();
    const kind: MentionKind =
      forced ?? (r < mix.complaint ? 'complaint' : r < mix.complaint + mix.praise ? 'praise' : 'question');
    const tag = `${prefix}${String(n).padStart(6, '0')}`;
    const first = random.pick(FIRST);
    const last = random.pick(LAST);
    const list = kind === 'complaint' ? COMPLAINTS : kind === 'praise' ? PRAISE : QUESTIONS;
    const ref = kind === 'complaint' ? `(account ${tag})` : kind === 'praise' ? `(ref ${tag})` : `(asking for ${tag})`;
    return {
      kind,
      tag,
      body: `${random.pick(list)} ${ref}`,
      handle: `${first.toLowerCase()}_${last.toLowerCase()}${n}`.slice(0, 15),
      name: `${first} ${last}`,
    };
  };
}
