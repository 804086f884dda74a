import { MAX_SCORED_CHARS, scoreComplaint } from '../../src/scoring/score-complaint';

const reasonsOf = (text: string) =>
  scoreComplaint(text)
    .reasons.map((r) => r.signal)
    .join(' | ');

describe('scoreComplaint (foundation behaviour)', () => {
  it('scores a plain complaint high, with the phrase that did it', () => {
    const s = scoreComplaint('@lumora three weeks and my router never arrived. Unacceptable.');
    expect(s.complaint).toBe(true);
    expect(s.topic).toBe('delivery');
    expect(reasonsOf('my router never arrived')).toMatch(/never arrived/);
  });

  it('scores praise low', () => {
    expect(scoreComplaint('love the new app, thanks @lumora!').complaint).toBe(false);
  });

  it('turns negated praise into a complaint signal', () => {
    expect(reasonsOf('not happy with my bill at all')).toMatch(/negated praise/);
    expect(scoreComplaint('not happy with my bill at all').score).toBeGreaterThan(
      scoreComplaint('happy with my bill').score,
    );
  });

  it('marks other languages instead of scoring them as English', () => {
    const s = scoreComplaint("Mon colis n'est toujours pas arrivé, c'est une honte et je ne suis pas content");
    expect(s).toMatchObject({ language: 'fr', complaint: false, score: 0 });
  });

  it('survives empty, emoji-only and huge input with a score in range', () => {
    for (const t of ['', '😡😡😡', 'a'.repeat(1_000_000), '\u0000<!channel>']) {
      const s = scoreComplaint(t);
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(1);
    }
    expect(MAX_SCORED_CHARS).toBeLessThan(10_000);
  });
});
