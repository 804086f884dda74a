import path from 'node:path';
import { Readable } from 'node:stream';
import { addAdvocate } from '../../src/cases/manage-advocates';
import { main } from '../../src/cli/main';
import { createDb } from '../../src/store/create-db';
import { tempDir } from '../helpers/temp-db';

async function run(argv: string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
    stdin: Readable.from(['']),
    env: { LOG_LEVEL: 'silent', ...env },
  });
  return { code, out, err };
}

describe('mention-desk advocates', () => {
  const { dir, cleanup } = tempDir('md-advocates-cli-');
  const env = { DATABASE_URL: `file:${path.join(dir, 'cli.db')}` };
  afterAll(cleanup);

  it('lists the linked accounts, one JSON object per line with --json, never the codes', async () => {
    const empty = await run(['advocates'], env);
    expect(empty.code).toBe(0);
    expect(empty.out).toEqual(['No staff advocates linked yet (Slack: /mentions advocate add x:@handle).']);
    expect((await run(['advocates', '--json'], env)).out).toEqual([]);

    const db = await createDb(env.DATABASE_URL);
    const at = new Date('2026-12-01T10:00:00Z');
    const jade = await addAdvocate(db, { slackUserId: 'U0JADE0001', channel: 'x', handle: '@Jade_Lumora', at });
    await addAdvocate(db, { slackUserId: 'U0BOB00001', channel: 'discord', handle: 'bob.care', at });
    if (!jade.ok) throw new Error('not linked');
    await db.advocate.update({
      where: { id: jade.advocate.id },
      data: { verifiedAt: at, accountId: '1700000000000000777' },
    });
    await db.$disconnect();

    const json = await run(['advocates', '--json'], env);
    expect(json.code).toBe(0);
    expect(json.out.map((l) => JSON.parse(l))).toEqual([
      {
        slackUserId: 'U0BOB00001',
        channel: 'discord',
        handle: 'bob.care',
        accountId: null,
        verified: false,
        verifiedAt: null,
        linkedAt: at.toISOString(),
        replies: 0,
      },
      expect.objectContaining({
        slackUserId: 'U0JADE0001',
        handle: 'jade_lumora',
        verified: true,
        accountId: '1700000000000000777',
      }),
    ]);
    expect(json.out.join('\n')).not.toContain(jade.advocate.verificationCode);
    const text = await run(['advocates'], env);
    expect(text.out[1]).toBe('U0JADE0001\tx:@jade_lumora\tverified 2026-12-01T10:00:00.000Z\t0 replies');
    expect((await run(['advocates', '--help'], env)).out.join('\n')).toContain(
      'Usage: mention-desk advocates [--json]',
    );
    expect((await run(['advocates', '--yes'], env)).code).toBe(2);
  });
});
