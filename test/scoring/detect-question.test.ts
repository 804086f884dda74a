import { detectQuestion } from '../../src/scoring/detect-question';

describe('detectQuestion', () => {
  it('finds how-to questions', () => {
    expect(detectQuestion('how do I port my number?')).toEqual({ isQuestion: true, why: false, howTo: true });
    expect(detectQuestion('can i add a second sim to my plan?')).toMatchObject({ howTo: true });
  });

  it('finds questions that carry a grievance', () => {
    expect(detectQuestion('why has my bill gone up??')).toEqual({ isQuestion: true, why: true, howTo: false });
    expect(detectQuestion("where's my refund?")).toMatchObject({ why: true });
  });

  it('needs a question mark', () => {
    expect(detectQuestion('how do I even begin to describe this').isQuestion).toBe(false);
    expect(detectQuestion('is this thing on? 🙄').isQuestion).toBe(true);
  });
});
