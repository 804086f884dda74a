import { Readable } from 'node:stream';
import { runScore, scoreLine } from '../../src/cli/score-command';

const run = async (input: string, threshold = 0.5) => {
  const out: string[] = [];
  await runScore(Readable.from([input]), (l) => out.push(l), threshold);
  return out.map((l) => JSON.parse(l));
};

describe('mention-desk score output', () => {
  it('keeps the documented line format', () => {
    const row = JSON.parse(scoreLine('my parcel never arrived, unacceptable!!', 0.5));
    expect(Object.keys(row)).toEqual(['score', 'complaint', 'reasons', 'topic', 'severity', 'language', 'question']);
    expect(row).toMatchObject({ complaint: true, topic: 'delivery', language: 'en', question: false });
    expect(row.score).toBeGreaterThanOrEqual(0.5);
    expect(row.score).toBeLessThanOrEqual(1);
    expect(row.reasons[0]).toMatch(/^\+\d\.\d\d complaint "(never arrived|unacceptable)"$/);
    for (const r of row.reasons) expect(r).toMatch(/^[+-]\d+\.\d\d \S/);
  });

  it('writes one line per input line, whatever the line holds', async () => {
    const rows = await run(
      [
        'love it, thanks',
        '{"text": "how do I port my number?"}',
        '{"text": 3}',
        '',
        '<!channel> @everyone \u0000',
        '{oops',
      ].join('\n'),
    );
    expect(rows).toHaveLength(6);
    expect(rows[0]).toMatchObject({ complaint: false });
    expect(rows[1]).toMatchObject({ complaint: false, question: true });
    expect(rows[2]).toEqual({ error: 'JSON line has no "text" string field' });
    expect(rows[3]).toMatchObject({ score: 0, complaint: false, reasons: ['+0.00 nothing to score'] });
    expect(rows[4]).toMatchObject({ score: 0, complaint: false });
    expect(rows[5].error).toMatch(/not valid JSON/);
  });

  it('applies the threshold it is given', async () => {
    const [low] = await run('bit disappointed the speed dropped', 0.05);
    const [high] = await run('bit disappointed the speed dropped', 0.99);
    expect([low.complaint, high.complaint]).toEqual([true, false]);
    expect(low.score).toBe(high.score);
  });
});
