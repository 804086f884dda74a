import { countGraphemes } from '../../../adapters/bluesky/bluesky-limits';
import { parseBlueskySettings } from '../../../adapters/bluesky/bluesky-settings';
import { chatAllows } from '../../../adapters/bluesky/send-message';

describe('Bluesky settings, limits and rules', () => {
  it('is off without credentials, on with both, and refuses half a pair', () => {
    expect(parseBlueskySettings({}).value).toBeNull();
    const on = parseBlueskySettings({
      BLUESKY_HANDLE: '@Lumora.bsky.social',
      BLUESKY_APP_PASSWORD: 'abcd-efgh-ijkl-mnop',
    });
    expect(on.value).toMatchObject({
      handle: 'lumora.bsky.social',
      service: 'https://bsky.social',
      pollIntervalMs: 30_000,
    });
    expect(on.secrets).toEqual(['abcd-efgh-ijkl-mnop']);
    expect(parseBlueskySettings({ BLUESKY_HANDLE: 'lumora.bsky.social' }).problem?.message).toMatch(
      /BLUESKY_HANDLE, BLUESKY_APP_PASSWORD together.*missing: BLUESKY_APP_PASSWORD/,
    );
  });

  it('refuses the account password where an app password belongs', () => {
    expect(() =>
      parseBlueskySettings({ BLUESKY_HANDLE: 'lumora.bsky.social', BLUESKY_APP_PASSWORD: 'hunter2-my-real-password' }),
    ).toThrow(/app password/);
  });

  it('counts graphemes as Bluesky does: a family emoji or a flag is one', () => {
    expect(countGraphemes('👨‍👩‍👧‍👦🇫🇷é')).toBe(3);
    expect(countGraphemes('a'.repeat(300))).toBe(300);
  });

  it("lets the brand write first only where the customer's chat setting allows it", () => {
    expect(chatAllows({ associated: { chat: { allowIncoming: 'all' } } })).toEqual({ allowed: true, setting: 'all' });
    expect(
      chatAllows({
        associated: { chat: { allowIncoming: 'following' } },
        viewer: { followedBy: 'at://x/app.bsky.graph.follow/1' },
      }).allowed,
    ).toBe(true);
    expect(chatAllows({}).allowed).toBe(false); // never chosen: people they follow, and they do not follow the brand
    expect(chatAllows({ associated: { chat: { allowIncoming: 'none' } } }).allowed).toBe(false);
  });
});
