import { MAX_SCORED_CHARS, normalizeText } from '../../src/scoring/normalize-text';

describe('normalizeText', () => {
  it('reduces Slack and Discord markup to what a reader sees', () => {
    expect(normalizeText('<!channel> <!here> <@U0123ABC> hi <#C012|general> <https://x.example|the page>')).toBe(
      'hi the page',
    );
    expect(normalizeText('@everyone <@123456789012345678> <@&42> <:angry:1234> <a:party:99> still down')).toBe(
      'still down',
    );
  });

  it('drops HTML tags, links and handles, and undoes entities', () => {
    expect(
      normalizeText('<b>fix</b> <script>alert(1)</script> this &amp; that &lt;3 https://t.co/abc www.x.com @lumora'),
    ).toBe('fix alert(1) this & that <3');
  });

  it('decodes every HTML entity, named or numeric, and leaves an ampersand without its semicolon alone', () => {
    expect(normalizeText('it&rsquo;s late &#8217; again &#x1F621; R&D &parameter&nbsp;x')).toBe(
      'it\u2019s late \u2019 again \u{1F621} R&D &parameter x',
    );
    // An escaped entity is decoded once, and what an entity stands for is cleaned like typed text.
    expect(normalizeText('&amp;lt;b&amp;gt; ne&#8203;ver')).toBe('&lt;b&gt; never');
  });

  it('removes invisible characters inside words and replaces control characters', () => {
    expect(normalizeText('ne\u200Bver arri\u00ADved\u202E')).toBe('never arrived');
    expect(normalizeText('a\u0000b\u001bc\u007fd')).toBe('a b c d');
    expect(normalizeText('bad \uD800 surrogate')).toBe('bad \uFFFD surrogate');
  });

  it('turns a literal backslash-n (some exports) into a line break', () => {
    expect(normalizeText('first line\\nsecond')).toBe('first line\nsecond');
  });

  it('cuts huge input before doing any work, and copes with non-strings', () => {
    expect(normalizeText('x'.repeat(1_000_000)).length).toBe(MAX_SCORED_CHARS);
    expect(normalizeText(undefined)).toBe('');
    expect(normalizeText(42)).toBe('42');
  });
});
