import type { Topic } from './score-types.js';

// Hand-written signals that travel across industries. Weights are log-odds nudges, tuned on the
// labelled sets (npm run eval) and on the sample stream; a learned model adds to them.

/** Phrases (lower case, matched on word boundaries) that make a text more of a complaint. */
export const COMPLAINT_PHRASES: Record<string, number> = {
  'never arrived': 1.6, 'never received': 1.6, 'still waiting': 1.4, 'still not': 1.1, 'not working': 1.4,
  "doesn't work": 1.4, "does not work": 1.4, "isn't working": 1.4, "won't": 0.5, "can't log in": 1.6,
  "cannot log in": 1.6, 'locked out': 1.4, 'charged twice': 1.8, 'double charged': 1.8, 'overcharged': 1.6,
  refund: 0.9, 'worst': 1.4, terrible: 1.3, awful: 1.3, horrible: 1.3, useless: 1.4, pathetic: 1.4,
  ridiculous: 1.2, unacceptable: 1.6, disgusting: 1.4, joke: 0.8, scam: 1.5, fraud: 1.4, rude: 1.3,
  'no one': 0.8, nobody: 0.8, 'no response': 1.3, 'no reply': 1.3, ignored: 1.2, ignoring: 1.2,
  'on hold': 1.0, 'hours': 0.4, 'days': 0.4, 'weeks': 0.6, again: 0.5, 'down again': 1.4, outage: 1.1,
  broken: 1.2, 'stopped working': 1.5, crash: 0.9, crashes: 1.0, crashing: 1.0, 'keeps dropping': 1.4,
  'no signal': 1.3, 'no internet': 1.4, slow: 0.7, late: 0.8, delayed: 0.9, missing: 0.9, lost: 0.8,
  damaged: 1.3, wrong: 0.9, 'fix this': 1.2, 'sort it out': 1.2, 'sort this out': 1.2, disappointed: 1.3,
  frustrated: 1.3, frustrating: 1.3, annoyed: 1.1, angry: 1.2, furious: 1.5, 'fed up': 1.4, 'sick of': 1.4,
  'cancel my': 1.2, 'switching to': 1.3, 'never again': 1.6, complaint: 1.0, complain: 0.9,
  'waste of': 1.3, 'rip off': 1.5, 'ripped off': 1.5, 'hidden fee': 1.4, 'hidden fees': 1.4, failed: 0.9,
  declined: 0.8, 'not received': 1.4, "haven't received": 1.4, 'where is my': 1.2, 'wtf': 1.0,
  'hung up': 1.2, 'still broken': 1.5, 'lied': 1.4, 'lying': 1.3, 'shocking': 1.2, 'appalling': 1.5,
};

/** Phrases that make a text less of a complaint (praise, thanks, a happy ending). */
export const PRAISE_PHRASES: Record<string, number> = {
  'thank you': -1.3, thanks: -1.0, 'thx': -0.8, love: -1.1, great: -0.9, amazing: -1.2, awesome: -1.1,
  excellent: -1.2, brilliant: -1.1, perfect: -1.0, fantastic: -1.2, 'well done': -1.2, helpful: -0.9,
  'shout out': -1.1, shoutout: -1.1, kudos: -1.2, 'sorted it': -1.0, 'fixed it': -0.8, resolved: -0.6,
  impressed: -1.1, 'best': -0.8, happy: -0.8, 'works great': -1.4, recommend: -0.8, 'good job': -1.2,
};

/** Words that negate the sentiment of what follows within a few tokens. */
export const NEGATORS = new Set(['not', 'no', 'never', "don't", "didn't", "isn't", "wasn't", "aren't", "can't", 'cannot', "won't", 'hardly', 'nothing', 'without']);

export const PROFANITY = /\b(f+u+c+k+\w*|sh[i1]t+\w*|crap|damn|bs|bullshit|wtf|ffs|piss(ed)?|bloody hell)\b/i;

/** Threats to leave, escalate or go public: severity "accusation". */
export const ACCUSATION = /\b(scam+(ers|med)?|fraud\w*|thie(f|ves|ving)|steal\w*|lawyer|sue|suing|court|ombudsman|regulator|ofcom|fcc|bbb|trading standards|cancel(l?ing)? my|switch(ing)? to|leaving you|never again|going to the press|report you|lied|liars?)\b/i;

/** Words that say the brand (not luck or a third party) is at fault: severity "blame". */
export const BLAME = /\b(your (fault|mistake|error|staff|agent|team|app|service|system)|you (guys )?(lost|broke|charged|cancelled|ignored|messed|screwed)|you people|incompetent|useless|pathetic|unacceptable)\b/i;

/** Topic keywords, checked in order; the first topic with the most hits wins. */
export const TOPIC_WORDS: Array<[Topic, RegExp]> = [
  ['billing', /\b(bill|billed|billing|charge[sd]?|charging|overcharged|refund\w*|invoice|payment|paid|pay|fee|fees|price|subscription|direct debit|card|money|debited|transaction)\b/gi],
  ['delivery', /\b(deliver\w*|parcel|package|order|shipped|shipping|shipment|courier|tracking|arrive[ds]?|arrival|dispatch\w*|post(ed|al)?|box|router never)\b/gi],
  ['outage', /\b(outage|down|offline|no (signal|service|internet|connection)|internet|wifi|wi-fi|broadband|network|signal|connection|dropping|dropped|lagging|speed|slow)\b/gi],
  ['account_access', /\b(log ?in|sign ?in|password|locked|account|2fa|otp|verification code|verify|hacked|reset|username|suspended|blocked)\b/gi],
  ['product_defect', /\b(broken|faulty|defect\w*|crash\w*|bug|bugs|glitch\w*|app|update|screen|battery|damaged|stopped working|doesn'?t work|not working|error|freez\w*)\b/gi],
  ['staff_behaviour', /\b(rude|staff|agent|employee|manager|representative|rep|engineer|technician|driver|attitude|hung up|shouted|yelled|unprofessional|store|shop)\b/gi],
];
