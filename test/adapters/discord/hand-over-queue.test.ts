import { HandOverQueue } from '../../../adapters/discord/hand-over-queue';

function queue() {
  const batches: string[][] = [];
  const errors: string[] = [];
  const q = new HandOverQueue<string>(
    async (items) => void batches.push(items),
    (e, what) => void errors.push(`${what}: ${String(e)}`),
  );
  return { q, batches, errors };
}

describe('HandOverQueue', () => {
  it('holds live items until reopened, and runs the catch-up before releasing them', async () => {
    const { q, batches } = queue();
    q.push('live-1');
    q.push('live-2');
    expect(batches).toEqual([]);
    await q.reopen(async () => void batches.push(['caught-up']));
    expect(batches).toEqual([['caught-up'], ['live-1', 'live-2']]);
    q.push('live-3');
    await q.idle();
    expect(batches.at(-1)).toEqual(['live-3']);
  });

  it('hands over items that arrive during a batch as the next batch, in order', async () => {
    const delivered: string[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const q = new HandOverQueue<string>(
      async (items) => {
        delivered.push(items);
        if (items[0] === 'a') await gate;
      },
      () => undefined,
    );
    await q.reopen();
    q.push('a');
    await new Promise((r) => setImmediate(r));
    q.push('b');
    q.push('c');
    release();
    await q.idle();
    expect(delivered).toEqual([['a'], ['b', 'c']]);
  });

  it('stays closed when the connection drops again during the catch-up', async () => {
    const { q, batches } = queue();
    q.push('held');
    await q.reopen(async () => q.close());
    expect(batches).toEqual([]);
    await q.reopen();
    expect(batches).toEqual([['held']]);
  });

  it('reports a failed batch and goes on with the next', async () => {
    const errors: string[] = [];
    const seen: string[] = [];
    const q = new HandOverQueue<string>(
      async (items) => {
        if (items.includes('bad')) throw new Error('boom');
        seen.push(...items);
      },
      (e, what) => void errors.push(`${what}: ${(e as Error).message}`),
    );
    await q.reopen();
    q.push('bad');
    await q.idle();
    q.push('good');
    await q.idle();
    expect(errors).toEqual(['hand over: boom']);
    expect(seen).toEqual(['good']);
  });

  it('runs a side job in turn with the hand-overs, and gives its failure to the caller', async () => {
    const { q, batches, errors } = queue();
    await q.reopen();
    q.push('live-1');
    const side = q.run(async () => void batches.push(['side']));
    await side;
    q.push('live-2');
    await q.idle();
    expect(batches).toEqual([['live-1'], ['side'], ['live-2']]);
    await expect(q.run(async () => Promise.reject(new Error('pipeline down')))).rejects.toThrow('pipeline down');
    q.push('live-3');
    await q.idle();
    expect(batches.at(-1)).toEqual(['live-3']);
    expect(errors).toEqual([]);
  });
});
