import fs from 'node:fs';
import path from 'node:path';
import { ReplayAdapter, wholeDaysBetween } from '../../../adapters/replay/replay-adapter';
import { ReplaySentLog } from '../../../adapters/replay/replay-sent-log';
import type { Mention } from '../../../src/core/mention';
import { tempDir } from '../../helpers/temp-db';

const line = (id: number) =>
  JSON.stringify({
    channel: 'x',
    id: String(id),
    author: { id: 'a', handle: 'h', name: 'N' },
    text: `t${id}`,
    createdAt: '2026-11-18T09:00:00Z',
    mentionsBrand: true,
  });

describe('ReplayAdapter', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('hands the file over in ordered batches, reporting bad lines with their number', async () => {
    const file = path.join(dir, 's.jsonl');
    fs.writeFileSync(file, [line(1), line(2), '', '{oops', line(3), line(4), line(5)].join('\n'));
    const bad: Array<[number, string]> = [];
    const batches: string[][] = [];
    const adapter = new ReplayAdapter({ file, batchSize: 2, onBadLine: (n, e) => void bad.push([n, e]) });
    await adapter.start(async (b: Mention[]) => void batches.push(b.map((m) => m.id)));
    expect(batches).toEqual([['1', '2'], ['3', '4'], ['5']]);
    expect(bad).toEqual([[4, expect.stringMatching(/not valid JSON/)]]);
  });

  it('moves post times by whole days so the latest falls within the day before the given instant (the demo)', async () => {
    const file = path.join(dir, 's.jsonl');
    const at = (id: number, createdAt: string) => JSON.stringify({ ...JSON.parse(line(id)), createdAt });
    fs.writeFileSync(file, [at(1, '2026-11-16T07:10:00Z'), at(2, '2026-11-22T23:47:00Z')].join('\n'));
    const times: string[] = [];
    const adapter = new ReplayAdapter({ file, shiftTimesBefore: new Date('2026-12-03T06:40:00Z') });
    await adapter.start(async (b: Mention[]) => void times.push(...b.map((m) => m.createdAt.toISOString())));
    // 10 whole days: the latest lands yesterday evening, times of day and gaps unchanged.
    expect(times).toEqual(['2026-11-26T07:10:00.000Z', '2026-12-02T23:47:00.000Z']);
    expect(wholeDaysBetween(new Date('2026-12-04T00:00:00Z'), new Date('2026-12-03T00:00:00Z'))).toBe(0);
  });

  // Security finding: readline ended a line at a bare \r, so one valid mention was dead-lettered as two fragments.
  it('a bare carriage return inside a line never splits it; \\r\\n and \\n end lines', async () => {
    const file = path.join(dir, 's.jsonl');
    // JSON allows \r as whitespace between tokens: this is one valid line.
    const withCr = line(1).replace(',"text":', ',\r"text":');
    expect(withCr).toContain('\r');
    fs.writeFileSync(file, `${withCr}\r\n${line(2)}\n${line(3)}`);
    const bad: number[] = [];
    const texts: string[] = [];
    await new ReplayAdapter({ file, onBadLine: (n) => void bad.push(n) }).start(
      async (b) => void texts.push(...b.map((m) => m.text)),
    );
    expect(bad).toEqual([]);
    expect(texts).toEqual(['t1', 't2', 't3']);
  });

  it('waits for each batch before reading on (back-pressure)', async () => {
    const file = path.join(dir, 's.jsonl');
    fs.writeFileSync(file, [1, 2, 3].map(line).join('\n'));
    const order: string[] = [];
    await new ReplayAdapter({ file, batchSize: 1 }).start(async (b) => {
      order.push(`start ${b[0].id}`);
      await new Promise((r) => setTimeout(r, 5));
      order.push(`end ${b[0].id}`);
    });
    expect(order).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('records sends in its log, which a restarted adapter can check (findSent)', async () => {
    const log = path.join(dir, 'sent.jsonl');
    const a = new ReplayAdapter({ file: '/dev/null', sentLog: new ReplaySentLog(log) });
    const sent = await a.reply({ idempotencyKey: 'ack:x:1', text: 'Hi', inReplyTo: { id: '1', authorId: 'a' } });
    fs.appendFileSync(log, '{"torn');
    const restarted = new ReplayAdapter({ file: '/dev/null', sentLog: new ReplaySentLog(log) });
    expect(await restarted.findSent('ack:x:1')).toEqual({ externalId: sent.externalId });
    expect(await restarted.findSent('ack:x:2')).toBeNull();
  });
});
