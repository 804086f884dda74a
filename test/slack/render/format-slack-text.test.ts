import {
  formatLink,
  formatSlackMention,
  quoteEscaped,
  shortEscaped,
} from '../../../src/slack/render/format-slack-text';

describe('Slack text helpers', () => {
  it('links only plain web URLs, with | encoded and the label escaped', () => {
    expect(formatLink('https://x.com/a/status/1?q=a|b&c=<d>', 'view <post>')).toBe(
      '<https://x.com/a/status/1?q=a%7Cb&amp;c=%3Cd%3E|view &lt;post&gt;>',
    );
    expect(formatLink('javascript:alert(1)', 'view')).toBe('view');
    expect(formatLink('not a url', 'view')).toBe('view');
    expect(formatLink(`https://x.com/${'a'.repeat(700)}`, 'view')).toBe('view');
  });

  it('keeps escaped text within the limit on a whole character, even when escaping grows it', () => {
    const cut = shortEscaped('&'.repeat(100), 50);
    expect(cut.length).toBeLessThanOrEqual(50);
    expect(cut).toMatch(/^(&amp;)+…$/);
    expect(shortEscaped('😀'.repeat(10), 5)).toBe('😀😀…');
    expect(shortEscaped('short', 50)).toBe('short');
  });

  it('quotes every line with our own marker after escaping, so a customer cannot end the quote or inject one', () => {
    expect(quoteEscaped('one\n<!here> two', 100)).toBe('>one\n>&lt;!here&gt; two');
  });

  it('mentions only well-formed user and group ids; anything else is shown inert', () => {
    expect(formatSlackMention('U0ALICE001')).toBe('<@U0ALICE001>');
    expect(formatSlackMention('S0ONCALL01')).toBe('<!subteam^S0ONCALL01>');
    expect(formatSlackMention('!channel>')).toBe('!channel&gt;');
    expect(formatSlackMention(null)).toBe('nobody');
  });
});
