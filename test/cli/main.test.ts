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
      const summary = lines.at(-1).summary;
      expect(summary.new).toBeGreaterThan(250);
      expect(summary.badLines).toBe(3);
      expect(summary.casesOpened).toBeGreaterThan(10);
      expect(summary.outbox.sent).toBeGreaterThan(summary.casesOpened);
      const acks = lines.filter((l) => l.acknowledgement).map((l) => l.acknowledgement);
      expect(new Set(acks).size).toBe(acks.length);
      const sent = fs.readFileSync(env.REPLAY_SENT_LOG, 'utf8').trim().split('\n').length;

      const second = await run(['--json'], env);
      const again = JSON.parse(second.out.at(-1)!).summary;
      expect(again).toMatchObject({ new: 0, edited: 0, casesOpened: 0, outbox: { sent: 0 } });
      expect(fs.readFileSync(env.REPLAY_SENT_LOG, 'utf8').trim().split('\n').length).toBe(sent);
    } finally {
      cleanup();
    }
  }, 60_000);
});
