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
    expect(Object.keys(row)).toEqual([
      'score',
      'complaint',
      'reasons',
      'topic',
      'severity',
      'language',
      'question',
      'kind',
    ]);
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
        '{"text": "cut',
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

  // Security finding: readline ended a line at a bare \r, so outputs stopped lining up with inputs.
  it('a bare carriage return never splits a line; only \\n and \\r\\n end one', async () => {
    const rows = await run('my parcel\rnever arrived, unacceptable!!\r\nsecond line\nthird\rstill third');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ complaint: true });
    const chunked: string[] = [];
    await runScore(Readable.from(['a\r', '\nb\r', 'c\n', 'd']), (l) => chunked.push(l), 0.5);
    expect(chunked).toHaveLength(3); // "a", "b\rc", "d": a \r\n split across chunks still ends one line
  });

  // Security finding: a plain text starting with "{" got an error instead of a score.
  it('a plain text that starts with { but is not JSON gets a score', async () => {
    const rows = await run(
      ['{name} never arrived, this is unacceptable', '{oops', '{ order 123 } broken again'].join('\n'),
    );
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(r).toMatchObject({ score: expect.any(Number), complaint: expect.any(Boolean) });
    expect(rows[0].complaint).toBe(true);
  });

  it('applies the threshold it is given', async () => {
    const [low] = await run('bit disappointed the speed dropped', 0.05);
    const [high] = await run('bit disappointed the speed dropped', 0.99);
    expect([low.complaint, high.complaint]).toEqual([true, false]);
    expect(low.score).toBe(high.score);
  });
});
