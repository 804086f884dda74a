import { toComplaintModel } from '../../src/scoring/complaint-model';
import { scoreComplaint } from '../../src/scoring/score-complaint';
import { vaderOf } from '../../src/scoring/sentiment-lexicon';

const model = (weights: Record<string, number>, clusters?: string[]) =>
  toComplaintModel({
    version: 1,
    bias: 0,
    weights,
    trainedOn: {},
    ...(clusters ? { clusters: { source: 'test', words: clusters } } : {}),
  });

describe('word clusters in the model', () => {
  it('counts a word by its cluster and shows the cluster by the word that names it', () => {
    const m = model({ 'c:1': 0.6 }, ['happy glad', 'refund reimbursement compensation']);
    const s = scoreComplaint('I want my reimbursement', { model: m });
    expect(s.reasons).toContainEqual({ signal: `words like 'refund' ("reimbursement")`, weight: 0.6 });
    expect(scoreComplaint('the compensation', { model: m }).reasons).toContainEqual({
      signal: `words like 'refund' ("compensation")`,
      weight: 0.6,
    });
    const named = model({ 'c:0': -0.4 }, ['money cash']);
    expect(scoreComplaint('the money', { model: named }).reasons).toContainEqual({
      signal: `words like 'money'`,
      weight: -0.4,
    });
    expect(s.score).toBeGreaterThan(scoreComplaint('I want my zorblax', { model: m }).score);
  });

  it('counts a cluster once a text, and not without a table', () => {
    const m = model({ 'c:0': 0.5 }, ['refund reimbursement']);
    expect(
      scoreComplaint('reimbursement refund reimbursement', { model: m }).reasons.find((r) =>
        r.signal.startsWith('words like'),
      )?.weight,
    ).toBe(0.5);
    expect(
      scoreComplaint('reimbursement', { model: model({ 'c:0': 0.5 }) }).reasons.some((r) =>
        r.signal.startsWith('words like'),
      ),
    ).toBe(false);
  });

  it('refuses a cluster table that is not a list of word lists', () => {
    expect(() =>
      toComplaintModel({ version: 1, bias: 0, weights: {}, clusters: { source: 'x', words: [1] } }, 'm.json'),
    ).toThrow(/m\.json: clusters\.words/);
  });
});

describe('VADER lexicon', () => {
  it('rates social-media words AFINN lacks, and leaves brand names alone', () => {
    expect(vaderOf('meh')).toBeLessThan(0);
    expect(vaderOf('lol')).toBeGreaterThan(0);
    expect(vaderOf('united')).toBe(0);
  });
});
