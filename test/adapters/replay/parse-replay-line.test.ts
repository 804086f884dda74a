import { MAX_LINE_BYTES, parseReplayLine } from '../../../adapters/replay/parse-replay-line';

const good = {
  channel: 'x',
  id: '1859',
  author: { id: '17', handle: '@maria', name: 'Maria' },
  text: 'my router never arrived',
  createdAt: '2026-11-18T09:15:22Z',
  mentionsBrand: true,
  url: 'https://x.com/maria/status/1859',
};
const parse = (v: unknown) => parseReplayLine(typeof v === 'string' ? v : JSON.stringify(v));

describe('parseReplayLine', () => {
  it('reads the documented format into a Mention', () => {
    const r = parse({
      ...good,
      place: { guildId: 'g' },
      editedAt: '2026-11-18T10:00:00Z',
      isPrivate: false,
      extra: 'ignored',
    });
    expect(r).toEqual({
      mention: {
        channel: 'x',
        id: '1859',
        author: { id: '17', handle: 'maria', name: 'Maria' },
        text: 'my router never arrived',
        createdAt: new Date('2026-11-18T09:15:22Z'),
        mentionsBrand: true,
        url: good.url,
        place: { guildId: 'g' },
        editedAt: new Date('2026-11-18T10:00:00Z'),
        isPrivate: false,
        inReplyToId: undefined,
      },
    });
  });

  it('accepts numeric ids and epoch dates', () => {
    const r = parse({ ...good, id: 42, author: { ...good.author, id: 7 }, createdAt: 1795400000000 });
    expect('mention' in r && [r.mention.id, r.mention.author.id, r.mention.createdAt.getTime()]).toEqual([
      '42',
      '7',
      1795400000000,
    ]);
  });

  it('says what is wrong with a bad line, in one line', () => {
    expect(parse('{"channel": "x",')).toEqual({ error: expect.stringMatching(/^not valid JSON/) });
    expect(parse({ ...good, author: undefined })).toEqual({ error: expect.stringMatching(/^field author /) });
    expect(parse({ ...good, createdAt: 'yesterday' })).toEqual({
      error: 'field createdAt is not a date (use ISO 8601, e.g. 2026-11-20T09:15:00Z)',
    });
    expect(parse({ ...good, mentionsBrand: 'yes' })).toEqual({ error: expect.stringMatching(/^field mentionsBrand/) });
    expect(parse({ ...good, channel: 'X Twitter' })).toEqual({
      error: expect.stringMatching(/lower-case channel name/),
    });
    expect(parse('[]')).toEqual({ error: expect.stringMatching(/^field \(line\)/) });
  });

  it('cleans hostile text without losing it: control characters out, pings kept as text', () => {
    const r = parse({ ...good, text: '<!channel> @everyone \u0000\u001b[31mred\u202e' + '\ud800' });
    expect('mention' in r && r.mention.text).toBe('<!channel> @everyone [31mred\u202e\ufffd');
  });

  it('keeps a huge text up to the storage cap and refuses a line over the size limit', () => {
    const big = parse({ ...good, text: 'x'.repeat(100_000) });
    expect('mention' in big && big.mention.text.length).toBeLessThan(20_100);
    expect('mention' in big && big.mention.text).toMatch(/80000 more characters not kept/);
    expect(parse({ ...good, text: 'y'.repeat(MAX_LINE_BYTES) })).toEqual({
      error: expect.stringMatching(/longer than/),
    });
  });
});
