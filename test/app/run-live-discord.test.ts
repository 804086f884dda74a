import path from 'node:path';
import { loadAppConfig } from '../../src/app/load-app-config';
import { openApp } from '../../src/app/open-app';
import { runLive } from '../../src/app/run-live';
import { silentLogger } from '../../src/log/create-logger';
import { BOT, BOT_TOKEN, GUILD_ID, SUPPORT } from '../helpers/discord/discord-fixtures';
import { waitFor } from '../helpers/discord/discord-harness';
import { FakeDiscord } from '../helpers/discord/fake-discord';
import { describeWithDiscordContract } from '../helpers/discord/skip-without-contract';
import { tempDir } from '../helpers/temp-db';

describeWithDiscordContract('mention-desk run, with Discord configured', () => {
  it('watches Discord, answers a complaint through the outbox and stops cleanly', async () => {
    const discord = await FakeDiscord.start();
    const { dir, cleanup } = tempDir();
    const config = loadAppConfig({
      DATABASE_URL: `file:${path.join(dir, 'live.db')}`,
      LOG_LEVEL: 'silent',
      DISCORD_BOT_TOKEN: BOT_TOKEN,
      DISCORD_API_URL: discord.rest.url,
      DISCORD_GUILD_IDS: GUILD_ID,
      DISCORD_CHANNEL_IDS: SUPPORT,
    });
    const app = await openApp(config, silentLogger());
    let stop!: () => void;
    const running = runLive(app, { stopSignal: new Promise<void>((r) => (stop = r)), drainEveryMs: 50 });
    try {
      await waitFor(() => discord.gateway.connected, 'the bot to connect');
      discord.closedDms.add('1180000000000000201');
      const posted = discord.post({
        content: `<@${BOT.id}> my router never arrived and nobody answers. Unacceptable!`,
      });
      const [ack] = await waitFor(
        () => (discord.botPosts(SUPPORT).length ? discord.botPosts(SUPPORT) : undefined),
        'the public reply',
      );
      expect(ack.message_reference?.message_id).toBe(posted.id);
      expect(ack.content).toContain(`@${BOT.username}`); // DMs closed: the bot's own name, as DISCORD_SUPPORT_HANDLE is unset
      expect(discord.rest.violations).toEqual([]);
    } finally {
      stop();
      await running;
      await app.close();
      await discord.stop();
      cleanup();
    }
  });
});
