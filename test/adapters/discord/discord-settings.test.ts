import { botUserIdFromToken } from '../../../adapters/discord/discord-settings';
import { loadAppConfig } from '../../../src/app/load-app-config';

const TOKEN = `${Buffer.from('1180000000000000001').toString('base64')}.GhIjKl.${'s'.repeat(38)}`;

describe('Discord settings', () => {
  it('stay off without a token', () => {
    expect(loadAppConfig({ DISCORD_GUILD_IDS: '1180000000000000100' }).channels.discord).toBeNull();
  });

  it('with a token: the bot id from the token, brand keywords by default, catch-up of a day, Discord’s gateway', () => {
    const c = loadAppConfig({ DISCORD_BOT_TOKEN: TOKEN, BRAND_KEYWORDS: 'lumora,lumo box' });
    expect(c.channels.discord).toEqual({
      botToken: TOKEN,
      botUserId: '1180000000000000001',
      applicationId: '1180000000000000001',
      guildIds: [],
      channelIds: [],
      keywords: ['lumora', 'lumo box'],
      catchUpMaxAgeHours: 24,
      helloTimeoutMs: 15_000,
      supportHandle: undefined,
      apiUrl: 'https://discord.com/api',
      gatewayUrl: undefined,
    });
    expect(c.secrets).toContain(TOKEN);
  });

  it('reads the watched places, own keywords, support handle and URL overrides', () => {
    const c = loadAppConfig({
      DISCORD_BOT_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: '1180000000000000999',
      DISCORD_GUILD_IDS: '1180000000000000100, 1180000000000000200',
      DISCORD_CHANNEL_IDS: '1180000000000000101',
      DISCORD_KEYWORDS: 'lumo',
      DISCORD_SUPPORT_HANDLE: '@LumoraCare',
      DISCORD_CATCH_UP_MAX_AGE_HOURS: '0',
      DISCORD_HELLO_TIMEOUT_SECONDS: '5',
      DISCORD_API_URL: 'http://127.0.0.1:9/api/',
      DISCORD_GATEWAY_URL: 'ws://127.0.0.1:10/',
    });
    expect(c.channels.discord).toMatchObject({
      applicationId: '1180000000000000999',
      guildIds: ['1180000000000000100', '1180000000000000200'],
      channelIds: ['1180000000000000101'],
      keywords: ['lumo'],
      supportHandle: 'LumoraCare',
      catchUpMaxAgeHours: 0,
      helloTimeoutMs: 5_000,
      apiUrl: 'http://127.0.0.1:9/api',
      gatewayUrl: 'ws://127.0.0.1:10',
    });
  });

  it('refuses ids that are not ids, and URLs that are not URLs, naming the setting', () => {
    expect(() => loadAppConfig({ DISCORD_BOT_TOKEN: TOKEN, DISCORD_CHANNEL_IDS: '#support' })).toThrow(
      /^Setting DISCORD_CHANNEL_IDS is invalid: must be numeric ids/,
    );
    expect(() => loadAppConfig({ DISCORD_BOT_TOKEN: TOKEN, DISCORD_GATEWAY_URL: 'gateway.discord.gg' })).toThrow(
      /DISCORD_GATEWAY_URL/,
    );
    expect(() => loadAppConfig({ DISCORD_BOT_TOKEN: TOKEN, DISCORD_CATCH_UP_MAX_AGE_HOURS: '-1' })).toThrow(
      /DISCORD_CATCH_UP_MAX_AGE_HOURS/,
    );
  });
});

describe('botUserIdFromToken', () => {
  it('reads the id a bot token starts with, and nothing from a token of another shape', () => {
    expect(botUserIdFromToken(TOKEN)).toBe('1180000000000000001');
    expect(botUserIdFromToken(`Bot ${TOKEN}`)).toBe('1180000000000000001');
    expect(botUserIdFromToken('not-a-token')).toBeUndefined();
  });
});
