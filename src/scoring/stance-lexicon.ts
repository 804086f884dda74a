// Who is speaking about what. A complaint is the writer's own experience with a company ("my card was
// declined", "you charged me twice"); commentary is about the world (markets, the economy, politics),
// offers, news and opinions, however negative ("the economy is a disaster", "Bitcoin is a failure").
// Product reviews, one of the training sets, are all the writer's own experience, so they cannot teach
// this difference: the commentary words are hand-written, and the model may strengthen but not weaken
// them (see FEATURE_BOUNDS in extract-features.ts). Lower case, whole tokens.

/** The writer as subject, object or owner. */
export const FIRST_PERSON = new Set(['i', 'me', 'my', 'mine', 'myself', "i'm", "i've", "i'd", "i'll", 'im', 'ive']);

/** The person addressed: the company, in a complaint. */
export const SECOND_PERSON = new Set([
  'you',
  'your',
  'yours',
  'u',
  'ur',
  "you're",
  "you've",
  "you'll",
  'ya',
  "y'all",
  'yall',
]);

/** Words that tie a text to a company's dealings with its customers, beyond the topic words (detectTopic). */
export const SERVICE_WORDS = new Set([
  'customer',
  'customers',
  'service',
  'support',
  'website',
  'site',
  'store',
  'shop',
  'product',
  'item',
  'team',
]);

/** "I think ...", "I bet ...": the writer gives an opinion, which is not an experience. */
export const OPINION_VERBS = new Set([
  'think',
  'believe',
  'guess',
  'bet',
  'reckon',
  'suppose',
  'doubt',
  'wonder',
  'agree',
  'disagree',
  'predict',
  'imagine',
]);

/** Owners that make a world word the writer's own thing: "my shares", "our stock" are an account, not market talk. */
export const OWNERS = new Set(['my', 'our']);

/** What a commentary word is about, for the reason a person reads. */
export type CommentaryKind = 'the economy' | 'markets' | 'politics' | 'an offer' | 'news' | 'an opinion';

const words = (list: string, kind: CommentaryKind, weight: number) =>
  list.split(' ').map((w) => [w, { kind, weight }] as const);

/**
 * Words of commentary, with a hand weight each (negative: less of a complaint). Topics that every
 * company's mentions are full of but that no customer complains to a company about: the economy,
 * markets and trading (any listed company's shares; crypto chatter and spam), politics; and the ways
 * of writing that are not a customer's own report: offers, reporting verbs of the news, opinion markers.
 * Offers count half: customers do complain about them ("the discount was never applied").
 */
export const COMMENTARY_WORDS = new Map<string, { kind: CommentaryKind; weight: number }>([
  ...words('economy economic economics inflation recession gdp unemployment', 'the economy', -1),
  ...words(
    'market markets stock stocks shares investors investor investing ' +
      'traders trading crypto cryptocurrency bitcoin btc ethereum',
    'markets',
    -1,
  ),
  ...words(
    'government govt minister ministry president parliament congress ' +
      'senate senator election elections vote voters politics ' +
      'political politician politicians democrats republicans',
    'politics',
    -1,
  ),
  ...words('offer offers discount discounts deal deals sale promo coupon giveaway hurry avail', 'an offer', -0.5),
  ...words('announces announced warns launches breaking headline headlines study survey analysis forecast', 'news', -1),
  ...words('imo imho', 'an opinion', -1),
]);
