import { renderNotice } from '../../../src/slack/render/render-notice';

describe('renderNotice: the gap and silence notices', () => {
  it('words each notice, escapes what comes from outside, and keeps the marker as block id', () => {
    const gap = renderNotice('x_gap', undefined, 'md-abc', 'about 200 mentions <!channel> & more may have been missed');
    expect(gap!.text).toBe(
      ':warning: *X mentions may have been missed*: about 200 mentions &lt;!channel&gt; &amp; more may have been missed',
    );
    expect(gap!.blocks[0]).toMatchObject({ block_id: 'md-abc', text: { verbatim: true } });
    expect(renderNotice('channel_silent', undefined, 'm', 'no new X mention for 50 minutes')!.text).toMatch(
      /^:mute: \*No new mentions\*: no new X mention for 50 minutes$/,
    );
    expect(renderNotice('channel_back', undefined, 'm', 'X mentions are arriving again')!.text).toMatch(
      /^:loud_sound: \*Mentions are back\*/,
    );
  });
});
