import { liveChannelFactories } from '../../src/core/live-channel';
import type { AppContext } from '../../src/app/open-app';
import { loadConfig } from '../../src/config/load-config';
import { silentLogger } from '../../src/log/create-logger';

const TOKEN = `${Buffer.from('1180000000000000001').toString('base64')}.GhIjKl.${'s'.repeat(38)}`;
const app = (env: Record<string, string>) => ({ config: loadConfig(env), logger: silentLogger(), db: {} } as unknown as AppContext);

describe('liveChannelFactories', () => {
  it('builds no channel without credentials', async () => {
    const built = await Promise.all(liveChannelFactories.map((f) => f(app({}))));
    expect(built.filter(Boolean)).toEqual([]);
  });

  it('builds Discord from its token, with the bot id, its DM rules and the handle for closed DMs', async () => {
    const built = (await Promise.all(liveChannelFactories.map((f) => f(app({ DISCORD_BOT_TOKEN: TOKEN, DISCORD_SUPPORT_HANDLE: 'LumoraCare' }))))).filter(Boolean);
    expect(built).toHaveLength(1);
    const discord = built[0]!;
    expect(discord.adapter.channel).toBe('discord');
    expect(discord.pipeline?.accountIds).toEqual(['1180000000000000001']);
    expect(discord.pipeline?.channelRules?.('discord')).toEqual({ pointerKind: 'discord', privateFirst: 'always', privateFailedPointerKind: 'discord-dm-closed' });
    expect(discord.pipeline?.pointerValues?.('discord')).toEqual({ handle: 'LumoraCare' });
  });
});
