import { type DecisionContext, decideAction } from '../../src/policy/decide-action';
import { detectSpam, isOptOutRequest } from '../../src/policy/detect-spam';
import { scoreComplaint } from '../../src/scoring/score-complaint';
import type { ComplaintScore } from '../../src/scoring/score-types';

const complaint: ComplaintScore = {
  score: 0.9,
  complaint: true,
  reasons: [],
  topic: 'delivery',
  severity: 'blame',
  language: 'en',
  isQuestion: false,
  kind: 'complaint',
};
const praise: ComplaintScore = {
  ...complaint,
  score: 0.1,
  complaint: false,
  topic: 'other',
  severity: 'none',
  kind: 'other',
};
const ctx: DecisionContext = {
  isOwnPost: false,
  mentionsBrand: true,
  isPrivate: false,
  customerOptedOut: false,
  acknowledgementsPaused: false,
  budgetReached: false,
};
const text = '@lumora my parcel never arrived';

describe('decideAction', () => {
  it('acknowledges and opens a case for a complaint that @mentions the brand', () => {
    const d = decideAction(text, complaint, ctx);
    expect(d).toMatchObject({ action: 'acknowledge', acknowledge: true, openCase: true, optOut: false });
    expect(d.reasons[0]).toMatch(/complaint \(score 0.9, delivery, blame\)/);
  });

  it("ignores the brand's own posts, spam, and praise, always saying why", () => {
    expect(decideAction(text, complaint, { ...ctx, isOwnPost: true }).reasons).toEqual(["the brand's own post"]);
    expect(decideAction('FREE CRYPTO giveaway @lumora claim your prize', complaint, ctx)).toMatchObject({
      action: 'ignore',
      reasons: [expect.stringMatching(/spam/)],
    });
    expect(decideAction('@lumora love it', praise, ctx)).toMatchObject({
      action: 'ignore',
      reasons: [expect.stringMatching(/below the complaint threshold/)],
    });
  });

  it('only alerts for keyword mentions: X forbids automatic replies to them', () => {
    expect(decideAction('lumora is down again', complaint, { ...ctx, mentionsBrand: false })).toMatchObject({
      action: 'alert',
      acknowledge: false,
      openCase: false,
    });
    expect(decideAction('lumora ads everywhere', praise, { ...ctx, mentionsBrand: false }).action).toBe('ignore');
  });

  it('adds to the open case instead of acknowledging twice', () => {
    expect(decideAction(text, complaint, { ...ctx, openCaseId: 7 })).toMatchObject({
      action: 'attach_to_case',
      attachToCaseId: 7,
      acknowledge: false,
    });
  });

  describe('a customer with an open case: more of the same story, or another one', () => {
    const billingCase = { ...ctx, openCaseId: 7, openCaseTopic: 'billing' };
    const real = (t: string) => scoreComplaint(t);

    it('opens a case of its own for a public complaint about something else, and says why', () => {
      const t = '@lumora my parcel never arrived and the courier lied about it. Unacceptable';
      expect(real(t)).toMatchObject({ complaint: true, topic: 'delivery' });
      const d = decideAction(t, real(t), billingCase);
      expect(d).toMatchObject({ action: 'acknowledge', openCase: true });
      expect(d.attachToCaseId).toBeUndefined();
      expect(d.reasons[0]).toMatch(/new complaint about delivery while case #7 is about billing/);
      // Held cases say it too.
      expect(decideAction(t, real(t), { ...billingCase, acknowledgementsPaused: true }).reasons[0]).toMatch(
        /case #7 is about billing/,
      );
    });

    it('keeps the same story in the open case', () => {
      const attach = { action: 'attach_to_case', attachToCaseId: 7, acknowledge: false, openCase: false };
      const other = '@lumora my parcel never arrived and the courier lied about it';
      // The same topic.
      const charged = '@lumora you charged me twice this month, refund it';
      expect(decideAction(charged, real(charged), billingCase)).toMatchObject(attach);
      // Words of someone going on, whatever topic the detector names.
      for (const t of [
        '@lumora hello?? still broken',
        '@lumora any update? the app crashes now too',
        '@lumora waiting 3 days, my parcel is nowhere',
        '@lumora about #7: the courier never came',
      ])
        expect(decideAction(t, real(t), billingCase)).toMatchObject(attach);
      // A reply, a private message, a case whose topic is unknown, a mention with no topic.
      expect(decideAction(other, real(other), { ...billingCase, isReply: true })).toMatchObject(attach);
      expect(decideAction(other, real(other), { ...billingCase, isPrivate: true })).toMatchObject(attach);
      expect(decideAction(other, real(other), { ...billingCase, openCaseTopic: 'other' })).toMatchObject(attach);
      expect(decideAction(other, real(other), { ...ctx, openCaseId: 7 })).toMatchObject(attach);
      const vague = '@lumora this is the worst, honestly';
      expect(decideAction(vague, { ...complaint, topic: 'other' }, billingCase)).toMatchObject(attach);
      // Not a complaint: praise or thanks go to the case for the team to see.
      expect(
        decideAction('@lumora thanks, parcel arrived', { ...praise, topic: 'delivery' }, billingCase),
      ).toMatchObject(attach);
    });
  });

  it('records an opt-out and never answers it', () => {
    expect(decideAction('@lumora STOP', complaint, ctx)).toMatchObject({ action: 'ignore', optOut: true });
  });

  it('opens a case without answering when paused, over budget or opted out, and says which', () => {
    expect(decideAction(text, complaint, { ...ctx, acknowledgementsPaused: true })).toMatchObject({
      action: 'open_case',
      acknowledge: false,
      holdReason: 'automatic acknowledgements are paused',
    });
    expect(decideAction(text, complaint, { ...ctx, budgetReached: true }).holdReason).toBe('budget reached');
    expect(decideAction(text, complaint, { ...ctx, customerOptedOut: true }).holdReason).toMatch(/opted out/);
  });

  it('leaves other languages and questions to a person', () => {
    expect(decideAction('@lumora mon colis', { ...praise, language: 'fr' }, ctx)).toMatchObject({
      action: 'open_case',
      acknowledge: false,
    });
    expect(decideAction('@lumora how do I port my number?', { ...praise, isQuestion: true }, ctx)).toMatchObject({
      action: 'open_case',
      acknowledge: false,
    });
  });

  it('hands a request for information or service to a person, without an apology', () => {
    const request = { ...praise, score: 0.4, kind: 'request' as const };
    const d = decideAction('@lumora can you DM me the tracking number please', request, ctx);
    expect(d).toMatchObject({ action: 'open_case', acknowledge: false, openCase: true });
    expect(d.reasons[0]).toMatch(/^a request for information or service: a person answers it/);
    // the scorer's own verdict, end to end: a request, not a complaint
    const scored = scoreComplaint('@lumora does the router come with a spare cable?');
    expect(decideAction('@lumora does the router come with a spare cable?', scored, ctx)).toMatchObject({
      action: 'open_case',
      acknowledge: false,
    });
    expect(decideAction('@lumora nice one', { ...praise, kind: 'other' }, ctx).action).toBe('ignore');
    expect(decideAction('can you DM me', request, { ...ctx, mentionsBrand: false }).action).toBe('ignore');
  });

  it('opens a case for a private complaint without a public answer', () => {
    expect(decideAction('my account number is 123', complaint, { ...ctx, isPrivate: true })).toMatchObject({
      action: 'open_case',
      acknowledge: false,
    });
  });
});

describe('detectSpam / isOptOutRequest', () => {
  it('spots bait, link farms and tag stuffing but not an angry customer', () => {
    expect(detectSpam('Follow me for daily crypto tips!!')).toBe('self-promotion');
    expect(detectSpam('see http://a.x http://b.x http://c.x')).toBe('3 links');
    expect(detectSpam('#a #b #c #d #e #f #g #h')).toMatch(/hashtags/);
    expect(detectSpam('@lumora my bill doubled, explain http://x.com/bill.png')).toBeUndefined();
  });

  it('reads "stop" in its usual forms and not inside a sentence', () => {
    for (const t of ['stop', '@lumora STOP', 'stop replying to me', 'unsubscribe.', 'Leave me alone'])
      expect(isOptOutRequest(t)).toBe(true);
    expect(isOptOutRequest('@lumora stop charging me twice!')).toBe(false);
  });
});

describe('decideAction on borderline scores', () => {
  it('opens a case without a public answer below ACKNOWLEDGE_MIN_SCORE', () => {
    const borderline = { ...complaint, score: 0.55 };
    expect(decideAction(text, borderline, { ...ctx, acknowledgeMinScore: 0.6 })).toMatchObject({
      action: 'open_case',
      acknowledge: false,
      holdReason: expect.stringMatching(/borderline score/),
    });
    expect(decideAction(text, { ...complaint, score: 0.61 }, { ...ctx, acknowledgeMinScore: 0.6 }).action).toBe(
      'acknowledge',
    );
  });

  it('never answers an impersonator\'s "claim your compensation" link', () => {
    expect(
      detectSpam(
        "@jen @lumora Hi! We're offering compensation for today's outage 💰 Claim in 2 mins: https://lumora-comp.example",
      ),
    ).toMatch(/phishing/);
    expect(detectSpam('@lumora I want to claim on my insurance, is it covered?')).toBeUndefined();
  });
});

describe('detectSpam and customers who share links', () => {
  it('lets a customer ask to confirm a refund with a screenshot link', () => {
    expect(detectSpam('@lumora can you confirm my refund went through? https://imgur.example/abc')).toBeUndefined();
    expect(detectSpam('verify your account now https://lum0ra.example/login')).toMatch(/phishing/);
  });
});

describe('decideAction on questions', () => {
  it('leaves a complaint phrased as a question to a person unless the score is high', () => {
    const question = { ...complaint, score: 0.7, isQuestion: true };
    expect(
      decideAction('@lumora does roaming work in Turkey?', question, { ...ctx, acknowledgeQuestionMinScore: 0.8 }),
    ).toMatchObject({
      action: 'open_case',
      acknowledge: false,
      holdReason: expect.stringMatching(/a question/),
    });
    expect(
      decideAction(
        '@lumora why is my internet STILL down??',
        { ...question, score: 0.9 },
        { ...ctx, acknowledgeQuestionMinScore: 0.8 },
      ).action,
    ).toBe('acknowledge');
  });

  it('treats "earn £500 a day" as a money scheme', () => {
    expect(detectSpam('@lumora earn £500 a day from home, dm me')).toBe('money scheme');
  });
});
