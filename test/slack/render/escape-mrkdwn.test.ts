import { escapeMrkdwn } from '../../../src/slack/render/escape-mrkdwn';

describe('escapeMrkdwn', () => {
  it('turns the three control characters into entities and nothing else', () => {
    expect(escapeMrkdwn('<!channel> & <@U0BOSS0001> <https://evil.example|your bank> <!subteam^S1>')).toBe(
      '&lt;!channel&gt; &amp; &lt;@U0BOSS0001&gt; &lt;https://evil.example|your bank&gt; &lt;!subteam^S1&gt;',
    );
    expect(escapeMrkdwn('*bold* _it_ ~s~ `code` "q" \'a\' @here #general é 😀')).toBe(
      '*bold* _it_ ~s~ `code` "q" \'a\' @here #general é 😀',
    );
  });

  it('escapes an ampersand once, so a pre-escaped entity stays visible as typed', () => {
    expect(escapeMrkdwn('&lt;!here&gt;')).toBe('&amp;lt;!here&amp;gt;');
  });
});
