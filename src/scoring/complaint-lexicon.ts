// Hand-written phrases that travel across industries (airlines, telecom, software, retail, food,
// banking). The numbers are prior log-odds nudges, written by hand, not fitted: the trained model learns
// one scale per kind of phrase (complaint, praise, negated praise, ...), so these keep their proportions
// on traffic unlike the training data. Phrases are lower case, matched on whole tokens, longest first.

/** Phrases that make a text more of a complaint. */
export const COMPLAINT_PHRASES: Record<string, number> = {
  // it did not come, nobody answers
  'never arrived': 1.6, 'never received': 1.6, 'never came': 1.4, 'never got': 1.2, 'not received': 1.4,
  'not arrived': 1.3, "hasn't arrived": 1.4, 'has not arrived': 1.4, "didn't arrive": 1.4, "hasn't come": 1.2,
  "hasn't turned up": 1.3, 'not delivered': 1.3, "still hasn't": 1.2, "haven't got": 1.1, "haven't received": 1.4, 'have not received': 1.4, 'yet to receive': 1.3, 'still waiting': 1.4,
  'still not': 1.1, 'still no': 1.1, 'been waiting': 1.2, 'where is my': 1.2, "where's my": 1.2, 'no update': 1.1,
  'no response': 1.3, 'no reply': 1.3, 'no one': 0.8, nobody: 0.8, ignored: 1.2, ignoring: 1.2, 'on hold': 1.0,
  'hung up': 1.2, 'no help': 1.2, unhelpful: 1.2, 'no resolution': 1.3, 'no action': 1.1,
  // it does not work
  'not working': 1.4, "doesn't work": 1.4, 'does not work': 1.4, "isn't working": 1.4, "didn't work": 1.2,
  'stopped working': 1.5, 'not able to': 1.0, 'unable to': 0.9, "can't log in": 1.6, 'cannot log in': 1.6,
  "can't login": 1.6, 'locked out': 1.4, "can't get in": 1.2, 'cannot get in': 1.2, "can't access": 1.2, 'cannot access': 1.2,
  broken: 1.2, 'still broken': 1.5, damaged: 1.3, defective: 1.4, faulty: 1.4, defect: 1.2, defects: 1.2,
  smashed: 1.3, crushed: 1.2, shattered: 1.3, dented: 1.0, cracked: 1.0, torn: 1.0, 'arrived broken': 1.5, 'arrived damaged': 1.5,
  dies: 0.9, died: 0.9, 'keeps dying': 1.4, "won't open": 1.2, "won't load": 1.2, "won't connect": 1.2, "won't turn on": 1.3, "won't start": 1.2,
  crashes: 1.0, crashing: 1.0, 'keeps crashing': 1.5, crashed: 0.9, glitch: 0.8, bug: 0.7, bugs: 0.7, error: 0.6, failed: 0.9,
  failure: 0.6, declined: 0.8, 'keeps dropping': 1.4, 'dropped calls': 1.3, 'no signal': 1.3, 'no internet': 1.4,
  'no service': 1.2, 'down again': 1.4, outage: 1.1, outages: 1.1, 'been down': 1.2, 'is down': 1.1, "internet's down": 1.3,
  'went down': 1.0, 'service down': 1.2, 'completely dead': 1.2, 'still dropping': 1.3, dropped: 0.6, drops: 0.6,
  'keeps rebooting': 1.4, 'keeps restarting': 1.4, 'keeps freezing': 1.4, 'keeps failing': 1.4, 'keeps buffering': 1.3,
  'keeps disconnecting': 1.4, 'keeps logging me out': 1.3, rebooting: 0.6, reboots: 0.6, freezes: 0.9, freezing: 0.8,
  throttled: 0.9, slow: 0.7, late: 0.8, delayed: 0.9, cancelled: 0.8,
  canceled: 0.8, missing: 0.9, lost: 0.8, 'lost luggage': 1.5, wrong: 0.9, 'wrong item': 1.4, 'wrong order': 1.4, 'wrong size': 1.2,
  'different item': 1.3, 'different product': 1.3, 'not as described': 1.4, 'not as shown': 1.3, 'not as pictured': 1.3, 'not as advertised': 1.4,
  expired: 1.0, stale: 1.0, leaking: 1.1, undercooked: 1.3, 'food poisoning': 1.8, 'food was cold': 1.2,
  'was cold': 0.9, 'were cold': 0.9, soggy: 1.0, inedible: 1.5, burnt: 0.9, tasteless: 1.0,
  problem: 0.6, problems: 0.6, issue: 0.6, issues: 0.6,
  // money
  'charged twice': 1.8, 'charged me twice': 1.8, 'double charged': 1.8, overcharged: 1.6, 'money deducted': 1.3, 'amount deducted': 1.3,
  deducted: 0.8, 'not credited': 1.4, 'not refunded': 1.5, refund: 0.8, 'money back': 0.9, 'hidden fee': 1.4,
  'hidden fees': 1.4, 'not applied': 1.2, "wasn't applied": 1.2, 'never applied': 1.2, "didn't apply": 1.1, 'rip off': 1.5, 'ripped off': 1.5, 'waste of money': 1.6, 'waste of': 1.3, 'not worth': 1.3,
  scam: 1.5, fraud: 1.2, cheated: 1.4, fake: 1.1, 'poor quality': 1.5, 'cheap quality': 1.3, 'low quality': 1.3,
  // judgement and feeling
  worst: 1.4, terrible: 1.3, awful: 1.3, horrible: 1.3, useless: 1.4, pathetic: 1.4, ridiculous: 1.2,
  unacceptable: 1.6, disgusting: 1.4, shocking: 1.2, appalling: 1.5, poor: 0.8, bad: 0.7, joke: 0.8,
  disappointed: 1.3, disappointing: 1.3, frustrated: 1.3, frustrating: 1.3, annoyed: 1.1, annoying: 1.0,
  angry: 1.2, furious: 1.5, fuming: 1.5, upset: 1.1, 'fed up': 1.4, 'sick of': 1.4, 'tired of': 1.2,
  'your fault': 1.2, rude: 1.3, incompetent: 1.4, lied: 1.4, lying: 1.3, misleading: 1.2, wtf: 1.0,
  // asking for action, saying how long, leaving
  'fix this': 1.2, 'sort it out': 1.2, 'sort this out': 1.2, 'do something': 1.0, 'please resolve': 1.1,
  'kindly resolve': 1.1, 'not ok': 1.0, 'not okay': 1.0, 'why do i have to': 0.8, resolve: 0.5, complaint: 1.0, complain: 0.9, complained: 1.1, escalate: 1.0,
  'again and again': 1.2, 'multiple times': 1.0, 'several times': 0.9, again: 0.3, hours: 0.4, days: 0.4,
  weeks: 0.6, months: 0.5, 'cancel my': 1.2, "i'm switching": 1.2, 'switching provider': 1.2,
  'switching to another': 1.3, "i'm leaving": 1.0, 'never again': 1.6, 'never buy': 1.5,
  "don't buy": 1.6, 'do not buy': 1.6, avoid: 1.0, 'returned it': 0.9, 'return it': 0.8,
  // what customer-care complaints sound like in any industry: something of mine, a wait. Asking for
  // help is not here: a request is its own outcome (detectRequest), whether or not something went wrong.
  asap: 0.8, urgent: 0.6, urgently: 0.7, 'get back to me': 0.8, 'any update': 0.9, 'raised a complaint': 1.4,
  'raised a ticket': 1.0, 'my money': 0.8, 'my refund': 1.0, 'till now': 0.8, 'till date': 0.8, 'still nothing': 1.2,
  'anyone there': 0.6, 'since yesterday': 0.8, 'since last': 0.7, 'yet to': 0.7,
  // none left to buy: a retail let-down, not market talk
  'out of stock': 1.0, 'sold out': 0.8,
};

/**
 * Phrases that hold a complaint word but say nothing wrong: "store hours" is a question about opening
 * times, "I lost my card" is the writer's own mishap. They weigh nothing and keep their words from
 * counting on their own.
 */
export const NEUTRAL_PHRASES: string[] = [
  'opening hours', 'store hours', 'business hours', 'office hours', 'working hours', 'happy hour', 'i lost', "i've lost", 'i have lost',
];

/** Phrases that make a text less of a complaint (praise, thanks, a happy ending). */
export const PRAISE_PHRASES: Record<string, number> = {
  'thank you': -1.3, thanks: -1.0, thx: -0.8, cheers: -0.6, love: -1.1, loved: -1.1, loving: -1.0, great: -0.9,
  amazing: -1.2, awesome: -1.1, excellent: -1.2, brilliant: -1.1, superb: -1.2, wonderful: -1.1, perfect: -1.0,
  perfectly: -1.0, fantastic: -1.2, 'well done': -1.2, 'good job': -1.2, helpful: -0.9, 'shout out': -1.1,
  shoutout: -1.1, kudos: -1.2, 'sorted it': -1.0, 'fixed it': -0.8, 'fixed my': -1.0, 'sorted my': -1.0, fixed: -0.5, sorted: -0.5, resolved: -0.6, impressed: -1.1, best: -0.8,
  happy: -0.8, satisfied: -0.9, 'works great': -1.4, 'works perfectly': -1.4, recommend: -0.8,
  'highly recommend': -1.4, good: -0.5, nice: -0.6, worth: -0.6, 'value for money': -1.0, 'good quality': -1.0,
  'must buy': -1.0, 'must read': -1.0, smooth: -0.6, beautiful: -0.9, 'go for it': -0.9, 'no problem': -0.7,
  'no complaints': -1.0, 'no issues': -0.8, 'no problems': -0.8, 'not bad': -0.4,
  'solved my': -1.0, solved: -0.6, props: -0.8, 'really cool': -0.8, legend: -0.8, hero: -0.8,
  // an earworm: the tune is liked
  'stuck in my head': -0.8,
};

/**
 * Praise said through gritted teeth: counted as complaint phrases, and their praise words are not
 * counted. Only unambiguous ones: "love how", "just perfect" or "good one" are as often meant.
 */
export const SARCASM_PHRASES: Record<string, number> = {
  'thanks for nothing': 1.6, 'cheers for that': 1.0, 'yeah right': 1.0, 'oh great': 1.0, 'what a joke': 1.4, 'slow clap': 1.2,
};

/**
 * Complaint words whose opposite a negator states ("no issues", "not bad", "never late"). Other complaint
 * phrases keep their sense under a negator: "no refund" and "not able to resolve" are still complaints.
 */
export const FLIPPABLE = new Set([
  'problem', 'problems', 'issue', 'issues', 'bad', 'poor', 'slow', 'late', 'wrong', 'broken', 'damaged', 'defective',
  'faulty', 'disappointed', 'disappointing', 'complaint', 'complain', 'worst', 'terrible', 'awful', 'horrible',
  'useless', 'rude', 'fake', 'missing', 'expired', 'stale', 'delayed', 'failed', 'error', 'glitch', 'bug', 'bugs',
  'crashes', 'crashing', 'crashed', 'failure', 'outage', 'outages', 'drops', 'dropped', 'your fault', 'defect', 'defects', 'leaking', 'upset', 'annoyed', 'annoying', 'frustrated', 'frustrating',
]);

export const PROFANITY = /\b(f+u+c+k+\w*|fck\w*|sh[i1]t+\w*|crap+y?|damn|bs|bullshit|wtf|ffs|piss(ed)?|bloody hell|arse|asshole|bastards?)\b/i;
