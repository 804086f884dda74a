// Spam and opt-out are recognised before anything answers: replying to spam feeds it, and a customer
// who said "stop" must not hear from the bot again.

const SPAM_PATTERNS: Array<[RegExp, string]> = [
  [
    /\b(giveaway|airdrop|free (crypto|bitcoin|btc|eth|nft)s?|claim your (prize|reward)|double your)\b/i,
    'giveaway or crypto bait',
  ],
  [
    /\b(follow (me|back)|f4f|dm me for (promo|collab)|check (out )?my (profile|bio|onlyfans|channel))\b/i,
    'self-promotion',
  ],
  [
    /\b(earn [$£€]?\d+|work from home|make money fast|investment opportunity|forex|guaranteed returns?)\b/i,
    'money scheme',
  ],
  [/\b(cheap followers|buy followers|seo services|promo code for followers)\b/i, 'follower selling'],
  // Impersonators answer complaints with a "claim your compensation/refund" link: never engage with them.
  [/\b(claim|collect)\b[^\n]{0,60}https?:\/\//i, 'claim link (likely phishing)'],
  [
    /\b(verify|confirm) your (account|details|identity|payment)\b[^\n]{0,60}https?:\/\//i,
    'verification link (likely phishing)',
  ],
];

/** Why `text` looks like spam, or undefined when it does not. */
export function detectSpam(text: string): string | undefined {
  for (const [re, why] of SPAM_PATTERNS) if (re.test(text)) return why;
  const links = text.match(/https?:\/\//g)?.length ?? 0;
  if (links >= 3) return `${links} links`;
  const tags = text.match(/(^|\s)[#@]\w+/g)?.length ?? 0;
  if (tags >= 8) return `${tags} hashtags and handles`;
  return undefined;
}

const OPT_OUT = new RegExp(
  String.raw`^(stop|unsubscribe|stop (replying|messaging|tweeting|contacting)( to)?( me)?` +
    String.raw`|leave me alone|do not (reply|contact me)|don't (reply|contact me)` +
    String.raw`|opt ?out)[.!\s]*$`,
  'i',
);

/** True when the text (without @handles) asks the brand to stop writing to this person. */
export function isOptOutRequest(text: string): boolean {
  return OPT_OUT.test(text.replace(/@\w+/g, ' ').replace(/\s+/g, ' ').trim());
}
