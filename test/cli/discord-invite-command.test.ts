import { Readable } from 'node:stream';
import { main } from '../../src/cli/main';

const TOKEN = `${Buffer.from('1180000000000000001').toString('base64')}.GhIjKl.${'s'.repeat(38)}`;

async function run(env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['discord-invite'], {
    stdout: (l) => void out.push(l),
    stderr: (l) => void err.push(l),
    stdin: Readable.from([]),
    env,
  });
  return { code, out, err };
}

describe('mention-desk discord-invite', () => {
  it('prints the invite link for the application the configuration names', async () => {
    const { code, out } = await run({ DISCORD_BOT_TOKEN: TOKEN, DISCORD_APPLICATION_ID: '1180000000000000999' });
    expect(code).toBe(0);
    expect(out[0]).toBe(
      'https://discord.com/oauth2/authorize?client_id=1180000000000000999&scope=bot&permissions=274877975552',
    );
    expect(out.join('\n')).toContain('MESSAGE CONTENT INTENT');
  });

  it('uses the bot id inside the token when no application id is set', async () => {
    expect((await run({ DISCORD_BOT_TOKEN: TOKEN })).out[0]).toContain('client_id=1180000000000000001');
  });

  it('says what to set when Discord is not configured', async () => {
    const { code, err } = await run({});
    expect(code).toBe(2);
    expect(err[0]).toMatch(/set DISCORD_BOT_TOKEN/);
  });
});
