import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { main } from '../../src/cli/main';
import { createDb } from '../../src/store/create-db';
import { BOT_TOKEN, SIGNING_SECRET, TEAM_CHANNEL } from '../helpers/slack/desk-harness';
import { SlackApiServer } from '../helpers/slack/slack-api-server';
import { slackSuite } from '../helpers/slack/with-contract';
import { tempDir } from '../helpers/temp-db';

const { contract, describe: describeSlack } = slackSuite('the CLI-with-Slack test');

const line = (n: number, text: string) =>
  JSON.stringify({
    channel: 'x',
    id: `90${n}`,
    author: { id: `70${n}`, handle: `customer${n}`, name: `Customer ${n}` },
    text,
    createdAt: '2026-11-18T09:00:00Z',
    mentionsBrand: true,
    url: `https://x.com/customer${n}/status/90${n}`,
  });

describeSlack('mention-desk with Slack configured', () => {
  it('replay starts the desk, posts each case to the team channel through the outbox, and returns when done', async () => {
    const fake = await SlackApiServer.start(contract, { bot: BOT_TOKEN });
    const { dir, cleanup } = tempDir('md-cli-slack-');
    try {
      const file = path.join(dir, 'stream.jsonl');
      fs.writeFileSync(
        file,
        [
          line(1, '@lumora my order never arrived <!channel>. Unacceptable!'),
          line(2, '@lumora charged twice and nobody answers, unacceptable'),
        ].join('\n'),
      );
      const env = {
        LOG_LEVEL: 'silent',
        DATABASE_URL: `file:${path.join(dir, 'cli.db')}`,
        REPLAY_SENT_LOG: path.join(dir, 'sent.jsonl'),
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_CHANNEL_ID: TEAM_CHANNEL,
        SLACK_API_URL: fake.apiUrl,
        SLACK_HTTP_PORT: '0',
        SLACK_HTTP_HOST: '127.0.0.1',
        SLACK_MIN_POST_INTERVAL_MS: '0',
      };
      const out: string[] = [];
      const code = await main(['replay', '--file', file, '--quiet'], {
        stdout: (l) => out.push(l),
        stderr: (l) => out.push(l),
        stdin: Readable.from(['']),
        env,
      });
      expect(code).toBe(0);
      // The case cards (top-level posts). Channels are drained side by side, so a card may go out before
      // its acknowledgement and get a "sent on X" note in its thread: that note is not a card.
      const posts = fake
        .callsTo('chat.postMessage')
        .filter((c) => c.params.channel === TEAM_CHANNEL && !c.params.thread_ts);
      expect(posts).toHaveLength(2);
      expect(JSON.stringify(posts[0].params.blocks)).toContain('&lt;!channel&gt;');
      const db = await createDb(env.DATABASE_URL);
      const cases = await db.case.findMany({ orderBy: { id: 'asc' } });
      await db.$disconnect();
      expect(cases.map((c) => c.slackTs)).toEqual(fake.workspace.topLevel(TEAM_CHANNEL).map((m) => m.ts));
      expect(fake.violations).toEqual([]);
    } finally {
      await fake.close();
      cleanup();
    }
  });
});
