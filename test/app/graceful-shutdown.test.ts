import path from 'node:path';
import Database from 'better-sqlite3';
import { type BotProcess, startBot as startCommand } from '../helpers/bot-process';
import { BOT_TOKEN, SIGNING_SECRET, TEAM_CHANNEL } from '../helpers/slack/desk-harness';
import { SlackApiServer } from '../helpers/slack/slack-api-server';
import { slackSuite } from '../helpers/slack/with-contract';
import { tempDir } from '../helpers/temp-db';

const startBot = (env: Record<string, string>, cwd: string) => startCommand(['run', '--quiet'], env, cwd);

const { contract, describe: describeSlack } = slackSuite('the graceful-shutdown test');

const statuses = (file: string) => {
  const db = new Database(file, { readonly: true });
  const rows = db
    .prepare("SELECT status, count(*) AS n FROM OutboundMessage WHERE channel = 'slack' GROUP BY status")
    .all() as Array<{ status: string; n: number }>;
  db.close();
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
};

describeSlack('graceful shutdown (SIGTERM/SIGINT) of the demo posting to Slack', () => {
  let fake: SlackApiServer;
  let dir: string;
  let cleanup: () => void;
  let bot: BotProcess | undefined;
  beforeEach(async () => {
    fake = await SlackApiServer.start(contract, { bot: BOT_TOKEN });
    ({ dir, cleanup } = tempDir('md-shutdown-'));
  });
  afterEach(async () => {
    if (bot && bot.child.exitCode === null) bot.child.kill('SIGKILL');
    await fake.close();
    cleanup();
  });
  const env = (extra: Record<string, string> = {}) => ({
    LOG_LEVEL: 'info',
    DATABASE_URL: `file:${path.join(dir, 'desk.db')}`,
    REPLAY_SENT_LOG: path.join(dir, 'sent.jsonl'),
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_CHANNEL_ID: TEAM_CHANNEL,
    SLACK_API_URL: fake.apiUrl,
    SLACK_HTTP_PORT: '0',
    SLACK_HTTP_HOST: '127.0.0.1',
    SLACK_MIN_POST_INTERVAL_MS: '250',
    SHUTDOWN_TIMEOUT_SECONDS: '5',
    ...extra,
  });
  const markerOf = (blocks: unknown): string | undefined => {
    const list = (typeof blocks === 'string' ? JSON.parse(blocks) : blocks) as Array<{ block_id?: string }>;
    return list?.find((b) => b.block_id?.startsWith('md-'))?.block_id;
  };
  const posts = () => fake.callsTo('chat.postMessage').length;

  it('mid-burst: the first SIGTERM lets the send in flight finish, leaves the rest queued, and exits in time', async () => {
    bot = startBot(env(), dir);
    await bot.until('the burst of Slack posts to start', () => posts() >= 4);
    const signalledAt = Date.now();
    bot.child.kill('SIGTERM');
    const { code, at } = await bot.exited;
    const postsAtExit = posts();
    console.info(`SIGTERM to exit, mid-burst: ${at - signalledAt} ms (${postsAtExit} Slack posts sent)`);
    expect(code).toBe(0);
    expect(at - signalledAt).toBeLessThan(5_000 + 1_500);
    const left = statuses(path.join(dir, 'desk.db'));
    expect(left.pending).toBeGreaterThan(0); // the rest waits for the next start
    expect(left.sending ?? 0).toBe(0); // nothing cut in half
    expect(left.sent).toBeGreaterThan(0);
    expect(bot.stderr()).toMatch(/SIGTERM received: taking no new work/);
    expect(fake.violations).toEqual([]);

    // The next start sends what was left, each message once.
    bot = startBot(env({ SLACK_MIN_POST_INTERVAL_MS: '0' }), dir);
    await bot.until('the queue to empty', () => !statuses(path.join(dir, 'desk.db')).pending);
    bot.child.kill('SIGINT');
    expect((await bot.exited).code).toBe(0);
    // Each post is told apart by its outbox marker (two burst summaries of a long spike may read alike).
    const markers = fake.callsTo('chat.postMessage').map((c) => markerOf(c.params.blocks));
    expect(markers.every((m) => m?.startsWith('md-'))).toBe(true);
    expect(new Set(markers).size).toBe(markers.length);
  }, 120_000);

  it('idle (the demo done, the desk up): SIGTERM exits promptly', async () => {
    bot = startBot(env({ SLACK_MIN_POST_INTERVAL_MS: '0' }), dir);
    // The summary is printed once the replay is done and its messages sent; the desk then waits for the team.
    await bot.until('the demo to finish and wait for the team', () =>
      /press Ctrl-C to stop\.\n[\s\S]*\S/.test(bot!.stdout()),
    );
    await new Promise((r) => setTimeout(r, 500));
    const signalledAt = Date.now();
    bot.child.kill('SIGTERM');
    const { code, at } = await bot.exited;
    console.info(`SIGTERM to exit, idle: ${at - signalledAt} ms`);
    expect(code).toBe(0);
    expect(at - signalledAt).toBeLessThan(3_000);
  }, 120_000);

  it('a second signal exits at once', async () => {
    bot = startBot(env({ SHUTDOWN_TIMEOUT_SECONDS: '60', SLACK_MIN_POST_INTERVAL_MS: '5000' }), dir);
    await bot.until('the first Slack post', () => posts() >= 1);
    bot.child.kill('SIGTERM');
    await bot.until('the stop to begin', () => /SIGTERM received/.test(bot!.stderr()));
    const secondAt = Date.now();
    bot.child.kill('SIGTERM');
    const { code, at } = await bot.exited;
    expect(code).toBe(143);
    expect(at - secondAt).toBeLessThan(1_000);
  }, 120_000);
});
