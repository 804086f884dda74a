import { decodeXText, mapDirectMessage, mapPost, usersById } from '../../../adapters/x/map-post';
import { xDm, xPost } from '../../helpers/x-fixtures';

const maria = { id: '1700000000000000042', username: 'maria_kettle', name: 'Maria Kettle' };
const brand = { id: '1500000000000000001', username: 'lumora', name: 'Lumora' };
const at = new Date('2026-11-18T09:15:22Z');

describe('mapPost', () => {
  it('maps author, text, link and conversation from X payloads', () => {
    const post = xPost('1859000000000000101', maria, '@lumora <b>broken</b> & late', at, [brand, maria]);
    expect(mapPost(post, usersById([maria]), true)).toEqual({
      channel: 'x',
      id: '1859000000000000101',
      author: { id: maria.id, handle: 'maria_kettle', name: 'Maria Kettle' },
      text: '@lumora <b>broken</b> & late',
      createdAt: at,
      mentionsBrand: true,
      url: 'https://x.com/maria_kettle/status/1859000000000000101',
      place: { conversationId: '1859000000000000101' },
    });
  });

  it('keeps the first id of an edited post, with the edit time, so the pipeline updates instead of answering again', () => {
    const edited = xPost('1859000000000000200', maria, '@lumora edited text', at, [brand], {
      edit_history_tweet_ids: ['1859000000000000101', '1859000000000000200'],
    });
    expect(mapPost(edited, usersById([maria]), true)).toMatchObject({
      id: '1859000000000000101',
      editedAt: at,
      url: expect.stringContaining('1859000000000000200'),
    });
  });

  it('reads replies under either name X gives references, and survives a missing author expansion', () => {
    const reply = {
      ...xPost('1859000000000000300', maria, 'hi', at, []),
      referenced_posts: [{ type: 'replied_to' as const, id: '1859000000000000101' }],
    };
    const mapped = mapPost(reply, new Map(), false);
    expect(mapped.inReplyToId).toBe('1859000000000000101');
    expect(mapped.author).toEqual({ id: maria.id, handle: `id${maria.id}`, name: `id${maria.id}` });
  });

  it('strips control characters and caps huge texts', () => {
    const post = xPost('1859000000000000400', maria, `bad\u0000text ${'x'.repeat(30_000)}`, at, []);
    const { text } = mapPost(post, usersById([maria]), true);
    expect(text.startsWith('badtext')).toBe(true);
    expect(text.length).toBeLessThan(20_100);
  });
});

describe('mapDirectMessage', () => {
  it('is a private mention from the sender', () => {
    const dm = xDm('1859000000000000500', maria, brand, 'my bill &amp; my account', at);
    expect(mapDirectMessage(dm as typeof dm & { text: string }, usersById([maria]))).toMatchObject({
      id: '1859000000000000500',
      isPrivate: true,
      mentionsBrand: true,
      author: { handle: 'maria_kettle' },
      text: 'my bill &amp; my account',
    });
  });
});

describe('decodeXText', () => {
  it('undoes the three escapes X applies, once', () => {
    expect(decodeXText('a &amp;lt; b &lt; c &gt; d &amp; e')).toBe('a &lt; b < c > d & e');
  });

  it('decodes any named or numeric entity, and keeps a bare ampersand as typed', () => {
    expect(decodeXText('it&rsquo;s &#8217; &#x1F621; R&D')).toBe('it\u2019s \u2019 \u{1F621} R&D');
  });
});
