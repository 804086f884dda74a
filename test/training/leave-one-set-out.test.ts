import { DEFAULT_BUILD, featurizeTexts } from '../../src/training/build-model';
import { leaveOneSetOut } from '../../src/training/evaluate-model';
import type { LabelledText } from '../../src/training/read-datasets';

const set = (name: string, n: number, yes: string, no: string): LabelledText[] =>
  Array.from({ length: n }, (_, i) => [
    { text: `${yes} ${i}`, complaint: true, set: name },
    { text: `${no} ${i}`, complaint: false, set: name },
  ]).flat();

describe('leaveOneSetOut', () => {
  it('scores each set with a model that never saw it, and never leaves the brand labels out', () => {
    const a = set('a', 10, 'the wobbler broke', 'the wobbler shines');
    const b = set('b', 10, 'my wobbler broke again', 'my wobbler shines again');
    const brand = set('brand', 5, 'wobbler broke', 'wobbler shines');
    const sets = new Map([
      ['a', featurizeTexts(a)],
      ['b', featurizeTexts(b)],
      ['brand', featurizeTexts(brand)],
    ]);
    const scored = leaveOneSetOut(sets, DEFAULT_BUILD);
    expect([...scored.keys()]).toEqual(['a', 'b']);
    expect(scored.get('a')!.map((s) => s.text)).toEqual(a.map((t) => t.text));
    // learned from b and the brand labels: "broke" is a complaint, "shines" is not
    for (const s of scored.get('a')!) expect(s.score >= 0.5).toBe(s.complaint);
  });

  it('weighs a sentiment set down against a complaint-labelled one', () => {
    const complaintSet = featurizeTexts(set('cesamard', 10, 'the gizmo fizzles', 'the gizmo hums'));
    // the sentiment set says the opposite about the same words
    const sentiment = featurizeTexts(set('tweeteval-sentiment', 10, 'the gizmo hums', 'the gizmo fizzles'));
    const target = featurizeTexts(set('x-fincorp', 5, 'a gizmo fizzles', 'a gizmo hums'));
    const scored = leaveOneSetOut(
      new Map([
        ['cesamard', complaintSet],
        ['tweeteval-sentiment', sentiment],
        ['x-fincorp', target],
      ]),
      DEFAULT_BUILD,
    );
    for (const s of scored.get('x-fincorp')!) expect(s.score >= 0.5).toBe(s.complaint);
  });
});
