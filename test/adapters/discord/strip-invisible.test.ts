import { stripInvisible } from '../../../adapters/discord/strip-invisible';

describe('stripInvisible', () => {
  it('removes zero-width characters, bidi controls and soft hyphens, and nothing else', () => {
    expect(stripInvisible('a\u200bb\u200cc\u200dd\u2060e\ufefff\u202eg\u2066h\u00adi')).toBe('abcdefghi');
    expect(stripInvisible('Ça va? 日本 👍 ok')).toBe('Ça va? 日本 👍 ok');
  });
});
