import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const root = path.join(__dirname, '../..');
const run = promisify(execFile);

/**
 * Loads `modules` (paths under the project, or package names) in a fresh Node with V8's test natives,
 * and says whether V8 still treats a plain regexp as unmodified (its fast paths on). A library whose
 * feature test touches RegExp species turns them off for the whole process: every `.replace`,
 * `.test` and `.match` after that ran 6 to 8 times slower (see adapters/x/twitter-text.ts).
 */
async function fastPathsAfterLoading(modules: string[]): Promise<boolean> {
  const requires = modules
    .map((m) => `require(${JSON.stringify(m.startsWith('.') ? path.join(root, m) : m)});`)
    .join('\n');
  const code = `${requires}\nprocess.stdout.write(String(%RegexpIsUnmodified(/a/)));`;
  const { stdout } = await run(
    process.execPath,
    ['--allow-natives-syntax', '-r', require.resolve('tsx/cjs'), '-e', code],
    {
      cwd: root,
      env: { PATH: process.env.PATH, DOTENV_CONFIG_QUIET: 'true' },
    },
  );
  return stdout.trim() === 'true';
}

describe('regexp fast paths', () => {
  test('stay on after loading everything the bot may load (every channel, Slack, charts, PostgreSQL)', async () => {
    const loaded = await fastPathsAfterLoading([
      './src/cli/main.ts',
      './src/cli/discord-invite-command.ts',
      './src/slack/start-slack-desk.ts',
      './adapters/x/x-channel.ts',
      './adapters/discord/discord-channel.ts',
      './adapters/bluesky/bluesky-channel.ts',
      './adapters/mastodon/mastodon-channel.ts',
      'vega',
      'vega-lite',
      '@resvg/resvg-js',
      'pg',
      '@prisma/adapter-pg',
    ]);
    expect(loaded).toBe(true);
  }, 60_000);

  test('the check tells: twitter-text loaded as it comes (with its core-js split polyfill) turns them off', async () => {
    expect(await fastPathsAfterLoading(['twitter-text'])).toBe(false);
  }, 60_000);
});
