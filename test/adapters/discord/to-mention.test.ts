import type { DiscordPost } from '../../../adapters/discord/read-message';
import { replyChannelId, toMention } from '../../../adapters/discord/to-mention';

const base: DiscordPost = {
  id: '3',
  channelId: '2',
  guildId: '1',
  isDirect: false,
  author: { id: '9', username: 'alice_w', displayName: 'Alice Walker', isBot: false },
  fromWebhook: false,
  isSystem: false,
  content: 'raw',
  text: 'readable',
  createdAt: new Date('2026-11-18T09:00:00Z'),
  url: 'https://discord.com/channels/1/2/3',
};

describe('toMention', () => {
  it('maps a server message, keeping the readable text and where it was posted', () => {
    expect(toMention(base, true)).toEqual({
      channel: 'discord',
      id: '3',
      author: { id: '9', handle: 'alice_w', name: 'Alice Walker' },
      text: 'readable',
      createdAt: base.createdAt,
      mentionsBrand: true,
      url: base.url,
      place: { guildId: '1', channelId: '2' },
    });
  });

  it('puts a thread message under its parent channel, with the thread to reply in', () => {
    const m = toMention(
      { ...base, channelId: '5', parentId: '2', replyToId: '4', editedAt: new Date('2026-11-18T10:00:00Z') },
      false,
    );
    expect(m).toMatchObject({
      place: { guildId: '1', channelId: '2', threadId: '5' },
      inReplyToId: '4',
      editedAt: new Date('2026-11-18T10:00:00Z'),
      mentionsBrand: false,
    });
    expect(replyChannelId(m.place)).toBe('5');
  });

  it('marks a direct message private, with only its DM channel', () => {
    const m = toMention({ ...base, guildId: undefined, isDirect: true, channelId: '7' }, true);
    expect(m).toMatchObject({ isPrivate: true, place: { channelId: '7' } });
    expect(replyChannelId(m.place)).toBe('7');
  });
});
