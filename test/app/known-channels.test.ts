import { channelList } from '../../src/app/channel-list';
import { brandAccountIds, configuredChannels, hasLiveChannels, limitOf, rulesOf } from '../../src/app/known-channels';
import { loadAppConfig } from '../../src/app/load-app-config';
import { silentLogger } from '../../src/log/create-logger';
import type { Db } from '../../src/store/create-db';

const TOKEN = `${Buffer.from('1180000000000000001').toString('base64')}.GhIjKl.${'s'.repeat(38)}`;
const host = { brand: { name: 'Lumora', handles: ['lumora'] }, db: {} as Db, logger: silentLogger() };

describe('the channel list', () => {
  it('configures no channel without credentials, and the demo runs instead', () => {
    const config = loadAppConfig({});
    expect(configuredChannels(config)).toEqual([]);
    expect(hasLiveChannels(config)).toBe(false);
    expect(brandAccountIds(config)).toEqual([]);
  });

  it('names each channel once, and each owns its rules and limit (replay uses them without credentials)', () => {
    const names = channelList.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(rulesOf('x')).toEqual({ pointerKind: 'x', privateFirst: 'after_inbound' });
    expect(limitOf('x').measure('https://example.com/a/very/long/link/that/x/counts/as/23')).toBe(23);
    expect(limitOf('discord').maxLength).toBe(2000);
    expect(rulesOf('somewhere-else')).toEqual({ pointerKind: 'replay', privateFirst: 'always' });
    expect(limitOf('somewhere-else').maxLength).toBe(280);
  });

  it('builds Discord from its token, with the bot id and the handle for closed DMs', async () => {
    const config = loadAppConfig({ DISCORD_BOT_TOKEN: TOKEN, DISCORD_SUPPORT_HANDLE: 'LumoraCare' });
    const configured = configuredChannels(config);
    expect(configured.map((c) => c.channel.name)).toEqual(['discord']);
    expect(brandAccountIds(config)).toEqual(['1180000000000000001']);
    const discord = await configured[0].channel.create(host, configured[0].settings);
    expect(discord.adapter.channel).toBe('discord');
    expect(discord.pipeline?.accountIds).toEqual(['1180000000000000001']);
    expect(rulesOf('discord')).toEqual({
      pointerKind: 'discord',
      privateFirst: 'always',
      privateFailedPointerKind: 'discord-dm-closed',
    });
    expect(discord.pipeline?.pointerValues?.()).toEqual({ handle: 'LumoraCare' });
  });
});
