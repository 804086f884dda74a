import { htmlToText } from '../../../adapters/mastodon/html-to-text';
import { narrowest } from '../../../adapters/mastodon/map-status';
import { mastodonLimit, measureStatus } from '../../../adapters/mastodon/mastodon-limits';
import { parseMastodonSettings } from '../../../adapters/mastodon/mastodon-settings';
import { addressTo } from '../../../adapters/mastodon/send-status';

describe('Mastodon text, limits and settings', () => {
  it("decodes a status's HTML to the text the author typed", () => {
    const html =
      '<p><span class="h-card"><a href="https://x.social/@lumora" class="u-url mention">@<span>lumora</span></a></span> fish &amp; chips &lt;3</p><p>line two<br />line three</p>';
    expect(htmlToText(html)).toBe('@lumora fish & chips <3\n\nline two\nline three');
  });

  it('counts as Mastodon counts: links 23, remote mentions by their username, graphemes, the warning too', () => {
    expect(measureStatus(`see https://example.com/${'a'.repeat(100)}`)).toBe(4 + 23);
    expect(measureStatus('@maria@very.long.example.social hi')).toBe('@maria hi'.length);
    expect(measureStatus('👨‍👩‍👧‍👦')).toBe(1);
    expect(measureStatus('abc', 'cw')).toBe(5);
    expect(mastodonLimit(() => ({ maxCharacters: 1000, urlLength: 23 })).maxLength).toBe(1000 - 32); // room for @username
  });

  it('never answers wider than the post', () => {
    expect(narrowest('public', 'unlisted')).toBe('unlisted');
    expect(narrowest('public', 'private')).toBe('private');
    expect(narrowest('public', 'direct')).toBe('direct');
    expect(narrowest('public', 'public')).toBe('public');
  });

  it('addresses the customer only: every other @ is defused', () => {
    const text = addressTo('maria@other.social', 'Please write to @lumora@mastodon.example or @team');
    expect(text.startsWith('@maria@other.social Please write to @\u2060lumora@mastodon.example or @\u2060team')).toBe(
      true,
    );
    expect(addressTo('maria', '@maria hi')).toBe('@maria hi');
  });

  it('is off without credentials and refuses half a pair', () => {
    expect(parseMastodonSettings({}).value).toBeNull();
    expect(parseMastodonSettings({ MASTODON_URL: 'https://mastodon.social' }).problem?.message).toMatch(
      /missing: MASTODON_ACCESS_TOKEN/,
    );
    expect(
      parseMastodonSettings({
        MASTODON_URL: 'https://mastodon.social/',
        MASTODON_ACCESS_TOKEN: 'tok-12345',
        MASTODON_HASHTAGS: '#Lumora, help',
      }).value,
    ).toMatchObject({ url: 'https://mastodon.social', hashtags: ['Lumora', 'help'] });
  });
});
