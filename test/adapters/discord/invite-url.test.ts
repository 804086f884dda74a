import { buildInviteUrl } from '../../../adapters/discord/invite-url';

describe('buildInviteUrl', () => {
  it('asks for the bot scope with exactly View Channel, Send Messages, Send Messages in Threads and Read Message History', () => {
    const url = new URL(buildInviteUrl('1180000000000000001'));
    expect(url.origin + url.pathname).toBe('https://discord.com/oauth2/authorize');
    expect(url.searchParams.get('client_id')).toBe('1180000000000000001');
    expect(url.searchParams.get('scope')).toBe('bot');
    const bits = BigInt(url.searchParams.get('permissions')!);
    expect(bits).toBe((1n << 10n) | (1n << 11n) | (1n << 38n) | (1n << 16n));
  });
});
