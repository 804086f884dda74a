import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { main } from '../../src/cli/main';
import { tempDir } from '../helpers/temp-db';

async function run(argv: string[], env: Record<string, string> = {}, stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
    stdin: Readable.from([stdin]),
    env: { LOG_LEVEL: 'silent', ...env },
  });
  return { code, out, err };
}

describe('mention-desk command line', () => {
  it('--help lists the commands', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    for (const c of ['replay --file', 'score', 'migrate']) expect(out.join('\n')).toContain(c);
  });

  it('stops with exit code 2 and one line on a bad setting or unknown option', async () => {
    const bad = await run(['score'], { COMPLAINT_THRESHOLD: 'high' });
    expect(bad.code).toBe(2);
    expect(bad.err).toEqual([expect.stringMatching(/^mention-desk: Setting COMPLAINT_THRESHOLD is invalid/)]);
    expect((await run(['--nope'])).code).toBe(2);
    expect((await run(['replay'])).err[0]).toMatch(/replay needs --file/);
  });

  it('score writes exactly one JSON object per input line', async () => {
    const input = [
      'my parcel never arrived, unacceptable!!',
      '{"text": "love it, thanks"}',
      '{"text": 3}',
      '',
      '{"text": "cut sh',
    ].join('\n');
    const { code, out } = await run(['score'], {}, input);
    expect(code).toBe(0);
    const rows = out.map((l) => JSON.parse(l));
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatchObject({
      complaint: true,
      score: expect.any(Number),
      reasons: expect.arrayContaining([expect.stringMatching(/never arrived/)]),
    });
    expect(rows[1]).toMatchObject({ complaint: false });
    expect(rows[2]).toEqual({ error: 'JSON line has no "text" string field' });
    expect(rows[3]).toMatchObject({ complaint: false });
    expect(rows[4].error).toMatch(/not valid JSON/);
    expect(Object.keys(rows[0])).toEqual([
      'score',
      'complaint',
      'reasons',
      'topic',
      'severity',
      'language',
      'question',
      'kind',
    ]);
    expect(rows.slice(0, 2).map((r) => r.kind)).toEqual(['complaint', 'other']);
  });

  it('score honours --threshold', async () => {
    const text = 'bit disappointed the speed dropped';
    const low = JSON.parse((await run(['score', '--threshold', '0.05'], {}, text)).out[0]);
    const high = JSON.parse((await run(['score', '--threshold', '0.99'], {}, text)).out[0]);
    expect([low.complaint, high.complaint]).toEqual([true, false]);
  });

  it('the demo runs the bundled stream end to end, and a second run adds nothing', async () => {
    const { dir, cleanup } = tempDir();
    const env = { DATABASE_URL: `file:${path.join(dir, 'demo.db')}`, REPLAY_SENT_LOG: path.join(dir, 'sent.jsonl') };
    try {
      const first = await run(['--json'], env);
      expect(first.code).toBe(0);
      const lines = first.out.map((l) => JSON.parse(l));
      const summary = lines.find((l) => l.summary).summary;
      expect(summary.new).toBeGreaterThan(250);
      expect(summary.badLines).toBe(3);
      expect(summary.casesOpened).toBeGreaterThan(10);
      expect(summary.outbox.sent).toBeGreaterThan(summary.casesOpened);
      const acks = lines.filter((l) => l.acknowledgement).map((l) => l.acknowledgement);
      expect(new Set(acks).size).toBe(acks.length);
      const sent = fs.readFileSync(env.REPLAY_SENT_LOG, 'utf8').trim().split('\n').length;

      // The sample's week was moved into the days before now, so the digest the demo writes has it all.
      const { digest } = lines.at(-1);
      expect(digest).toMatchObject({ since: '8d', total: summary.new, chartFile: path.join(dir, 'demo-digest.png') });
      expect(digest.complaints).toBeGreaterThan(50);
      expect(fs.readFileSync(digest.chartFile).subarray(1, 4).toString()).toBe('PNG');
      const week = await run(['digest', '--since', '7d', '--json'], env);
      expect(JSON.parse(week.out[0]).volume.total).toBeGreaterThan(200);

      const second = await run(['--json'], env);
      const again = second.out.map((l) => JSON.parse(l)).find((l) => l.summary).summary;
      expect(again).toMatchObject({ new: 0, edited: 0, casesOpened: 0, outbox: { sent: 0 } });
      expect(fs.readFileSync(env.REPLAY_SENT_LOG, 'utf8').trim().split('\n').length).toBe(sent);
    } finally {
      cleanup();
    }
  }, 60_000);

  it('digest --png writes the chart and says where; the Markdown states what a period counts, every day drawn', async () => {
    const { dir, cleanup } = tempDir();
    const env = { DATABASE_URL: `file:${path.join(dir, 'd.db')}`, REPLAY_SENT_LOG: path.join(dir, 'sent.jsonl') };
    try {
      expect((await run(['migrate'], env)).code).toBe(0);
      const png = path.join(dir, 'charts', 'week.png');
      const text = await run(['digest', '--since', '30d', '--png', png], env);
      expect(text.code).toBe(0);
      expect(text.out.at(-1)).toBe(`Chart: ${png}`);
      expect(text.out[0]).toContain('Counted by when each thing happened in the period');
      expect(fs.readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
      const json = JSON.parse((await run(['digest', '--since', '30d', '--json', '--png', png], env)).out[0]);
      expect(json.chartFile).toBe(png);
      expect(json.buckets).toHaveLength(30); // a 30-day chart has 30 bars, empty days as zero
      const unwritable = await run(['digest', '--png', path.join(dir, 'd.db', 'x.png')], env);
      expect(unwritable.code).toBe(2);
      expect(unwritable.err.join('\n')).toMatch(/the chart could not be written to .*x\.png/);
    } finally {
      cleanup();
    }
  }, 30_000);
});
