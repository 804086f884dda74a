import { describeWord } from './describe-word.js';
import type { Topic } from './score-types.js';

// Words and phrases per topic, across industries (lost bags and food orders are deliveries; a flight
// that does not leave is an outage of the service). Single words are matched by Porter stem, so
// "charged", "charges" and "charging" all count; phrases are matched as written.
const TOPIC_WORDS: Array<[Topic, string]> = [
  [
    'billing',
    'bill billing charge overcharge refund invoice payment paid pay ' +
      'fee price pricing subscription money debit deduct credit ' +
      'transaction emi interest cashback premium amount statement ' +
      'balance upi loan rupee dollar pound rs plan contract tariff',
  ],
  [
    'delivery',
    'deliver delivery parcel package order shipped ship shipping ' +
      'shipment courier tracking arrive arrival dispatch postal ' +
      'postman luggage baggage suitcase bag takeaway packaging ' +
      'received replacement collection',
  ],
  [
    'outage',
    'outage down offline internet wifi broadband network signal ' +
      'connection disconnect dropping dropped lagging lag speed buffering server',
  ],
  [
    'account_access',
    'login log-in signin password locked account 2fa otp verify ' +
      'verification hacked reset username suspended blocked kyc access',
  ],
  [
    'product_defect',
    'broken faulty defect defective crash bug glitch app update ' +
      'screen battery damaged error freeze frozen quality leak expired ' +
      'stale undercooked torn cracked size fit fake duplicate',
  ],
  [
    'staff_behaviour',
    'rude staff agent employee manager representative rep engineer ' +
      'technician driver waiter attitude shouted yelled unprofessional ' +
      'behaviour behavior executive branch',
  ],
];
const TOPIC_PHRASES: Array<[Topic, string[]]> = [
  ['billing', ['direct debit']],
  ['delivery', ['cold food', 'never arrived', 'not delivered']],
  [
    'outage',
    [
      'no signal',
      'no service',
      'no internet',
      'no connection',
      'no power',
      'power cut',
      'flight delayed',
      'flight cancelled',
      'cancelled flight',
    ],
  ],
  ['account_access', ['log in', 'sign in', 'logging in', 'verification code', "can't login"]],
  ['product_defect', ['stopped working', 'not working', "doesn't work", 'food poisoning']],
  ['staff_behaviour', ['hung up', 'customer care', 'customer service', 'customer support', 'cabin crew']],
];
const TOPIC_OF_STEM = new Map<string, Topic>();
for (const [topic, words] of TOPIC_WORDS)
  for (const w of words.split(' '))
    if (!TOPIC_OF_STEM.has(describeWord(w).stem)) TOPIC_OF_STEM.set(describeWord(w).stem, topic);
const TOPIC_OF_PHRASE = new Map<string, Topic>();
for (const [topic, phrases] of TOPIC_PHRASES) for (const p of phrases) TOPIC_OF_PHRASE.set(p, topic);
const PHRASE_STARTS = new Set([...TOPIC_OF_PHRASE.keys()].map((p) => p.split(' ')[0]));
const TOPICS = TOPIC_WORDS.map(([t]) => t);
const TOPIC_INDEX = new Map<Topic, number>(TOPICS.map((t, k) => [t, k]));

/**
 * What the text is about: the topic with the most keyword hits (ties go to the earlier topic), else
 * `other`. `stems` (from extractFeatures, aligned with `tokens`) saves stemming again.
 */
export function detectTopic(text: string, tokens: string[], stems?: string[]): Topic {
  // Hits per topic, in TOPICS order (no closure or map per call: this runs on every text).
  const hits = new Int32Array(TOPICS.length + 1);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === '.' || t === ',') continue;
    const next = tokens[i + 1];
    const pair = next !== undefined && PHRASE_STARTS.has(t) && TOPIC_OF_PHRASE.get(`${t} ${next}`);
    if (pair) {
      hits[TOPIC_INDEX.get(pair)!]++;
      i++;
      continue;
    }
    const topic = TOPIC_OF_STEM.get(stems?.[i] || describeWord(t).stem);
    if (topic) hits[TOPIC_INDEX.get(topic)!]++;
  }
  if (/[£$€₹]\s?\d/.test(text)) hits[TOPIC_INDEX.get('billing')!]++;
  let best: Topic = 'other';
  let bestHits = 0;
  for (let k = 0; k < TOPICS.length; k++) {
    if (hits[k] > bestHits) {
      best = TOPICS[k];
      bestHits = hits[k];
    }
  }
  return best;
}
