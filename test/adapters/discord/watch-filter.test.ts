import type { DiscordPost } from '../../../adapters/discord/read-message';
import { findKeyword, isWatchedPlace, type WatchSettings, watchMessage } from '../../../adapters/discord/watch-filter';

const BOT = '1180000000000000001';
const settings: WatchSettings = {
  botUserId: BOT,
  botRoleIds: ['1180000000000000110'],
  guildIds: ['100000000000000001'],
  channelIds: ['200000000000000001'],
  keywords: ['lumora', 'lumo box'],
};

function post(over: Partial<DiscordPost> = {}): DiscordPost {
  return {
    id: '300000000000000001',
    channelId: '200000000000000001',
    guildId: '100000000000000001',
    isDirect: false,
    author: { id: '400000000000000001', username: 'alice', displayName: 'Alice', isBot: false },
    fromWebhook: false,
    isSystem: false,
    content: 'hello',
    text: 'hello',
    createdAt: new Date(),
    url: 'https://discord.com/channels/1/2/3',
    ...over,
  };
}

describe('watchMessage', () => {
  it.each([
    ['a user mention of the bot', { content: `<@${BOT}> my order is late` }, true],
    ['the legacy nickname mention form', { content: `<@!${BOT}> my order is late` }, true],
    ["a mention of the bot's role", { content: '<@&1180000000000000110> help' }, true],
    ['a reply to a message of the bot', { content: 'still broken', replyToAuthorId: BOT }, true],
    ['a keyword only', { content: 'Lumora broke my router' }, false],
  ])('watches %s (mentionsBrand %s)', (_what, over, brand) => {
    expect(watchMessage(post(over), settings)).toMatchObject({ watch: true, mentionsBrand: brand });
  });

  it('hands over a plain reply in a watched place marked onlyAsReply (an advocate answering); not in an unwatched one', () => {
    expect(
      watchMessage(post({ content: 'so sorry, DM us?', replyToId: '300000000000000000' }), settings),
    ).toMatchObject({
      watch: true,
      mentionsBrand: false,
      onlyAsReply: true,
    });
    expect(
      watchMessage(post({ content: 'so sorry', replyToId: '3', channelId: '200000000000000077' }), settings).watch,
    ).toBe(false);
    expect(watchMessage(post({ content: 'Lumora again', replyToId: '3' }), settings)).not.toHaveProperty('onlyAsReply');
  });

  it('watches a thread whose parent channel is watched', () => {
    expect(
      watchMessage(
        post({ channelId: '200000000000000099', parentId: '200000000000000001', content: 'lumora?' }),
        settings,
      ).watch,
    ).toBe(true);
  });

  it('always watches direct messages, as brand mentions', () => {
    expect(
      watchMessage(
        post({ isDirect: true, guildId: undefined, channelId: '500000000000000001', content: 'my order number is 12' }),
        settings,
      ),
    ).toMatchObject({ watch: true, mentionsBrand: true });
  });

  it.each([
    ['the bot itself', { author: { id: BOT, username: 'bot', displayName: 'Bot', isBot: true }, content: 'lumora' }],
    ['another bot', { author: { id: '9', username: 'b', displayName: 'B', isBot: true }, content: `<@${BOT}> lumora` }],
    ['a webhook', { fromWebhook: true, content: `<@${BOT}>` }],
    ['a system message', { isSystem: true, content: `<@${BOT}>` }],
    ['an empty message (an image only, or the Message Content intent missing)', { content: '  ' }],
    ['an unwatched channel', { channelId: '200000000000000002', content: `<@${BOT}> lumora` }],
    ['an unwatched server', { guildId: '100000000000000002', content: `<@${BOT}> lumora` }],
    ['another role', { content: '<@&999999999999999999> hi' }],
    ['another user', { content: '<@999999999999999999> hi' }],
    ['a word that only contains a keyword', { content: 'lumoraxyz and superlumora' }],
  ])('ignores %s', (_what, over) => {
    expect(watchMessage(post(over as Partial<DiscordPost>), settings).watch).toBe(false);
  });
});

describe('isWatchedPlace', () => {
  it('treats empty lists as everything', () => {
    expect(isWatchedPlace({ guildId: '7', channelId: '8' }, { guildIds: [], channelIds: [] })).toBe(true);
    expect(isWatchedPlace({ guildId: '7', channelId: '8' }, { guildIds: ['6'], channelIds: [] })).toBe(false);
  });

  it('accepts a listed thread itself as well as threads of listed channels', () => {
    expect(isWatchedPlace({ guildId: '7', channelId: '9', parentId: '8' }, { guildIds: [], channelIds: ['9'] })).toBe(
      true,
    );
    expect(isWatchedPlace({ guildId: '7', channelId: '9', parentId: '8' }, { guildIds: [], channelIds: ['8'] })).toBe(
      true,
    );
    expect(isWatchedPlace({ guildId: '7', channelId: '9', parentId: '8' }, { guildIds: [], channelIds: ['1'] })).toBe(
      false,
    );
  });
});

describe('findKeyword', () => {
  it('matches whole words, any case, multi-word keywords too', () => {
    expect(findKeyword('LUMORA is down', ['lumora'])).toBe('lumora');
    expect(findKeyword('my Lumo Box died', ['lumo box'])).toBe('lumo box');
    expect(findKeyword('(lumora)!', ['lumora'])).toBe('lumora');
    expect(findKeyword('lumora_fan here', ['lumora'])).toBeUndefined();
  });

  it('sees through zero-width characters and styled letters', () => {
    expect(findKeyword('lu\u200bmo\u200dra sucks', ['lumora'])).toBe('lumora');
    expect(findKeyword('ｌｕｍｏｒａ sucks', ['lumora'])).toBe('lumora');
  });

  it('does not match inside mention markup (a channel named after the brand is not a keyword)', () => {
    expect(findKeyword('see <#lumora-help> and <:lumora:123>', ['lumora'])).toBeUndefined();
  });

  it('treats regex characters in keywords literally and skips blank keywords', () => {
    expect(findKeyword('c++ rocks', ['c++'])).toBe('c++');
    expect(findKeyword('anything', ['', '  '])).toBeUndefined();
  });
});
