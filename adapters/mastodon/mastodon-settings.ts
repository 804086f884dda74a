import { z } from 'zod';
import { credentialGroup } from '../../src/core/settings/credential-group.js';
import {
  intSetting,
  listSetting,
  optionalText,
  optionalUrl,
  type ParsedSettings,
  type SettingShape,
} from '../../src/core/settings/setting-types.js';

/** Mastodon settings: the brand's instance and access token, and the hashtags it listens to. */
export const mastodonSettings = {
  MASTODON_URL: optionalUrl("the brand account's instance, e.g. https://mastodon.social"),
  MASTODON_ACCESS_TOKEN: optionalText(
    'access token of an application of the brand account (Preferences, Development) with the scopes read and write',
  ),
  MASTODON_STREAMING_URL: optionalUrl(
    'streaming API override, e.g. wss://streaming.mastodon.social; empty: the URL the instance announces',
  ),
  MASTODON_POLL_INTERVAL_SECONDS: intSetting(
    60,
    5,
    3600,
    'whole seconds between two REST reads (backfill of notifications, hashtags), 5 to 3600',
  ),
  MASTODON_BACKFILL_MAX_HOURS: intSetting(
    24,
    1,
    168,
    'whole hours: after downtime, catch up on mentions at most this old, 1 to 168',
  ),
  MASTODON_HASHTAGS: listSetting(
    '',
    'comma-separated hashtags (without #) to listen to, alerts only; empty turns hashtag listening off',
  )
    .transform((list) => list.map((t) => t.replace(/^#/, '')))
    .refine(
      (list) => list.every((t) => /^[\p{L}\p{N}_]{1,100}$/u.test(t)),
      'each hashtag is letters, digits or _ (no spaces)',
    ),
} satisfies SettingShape;

type MastodonParsed = ParsedSettings<typeof mastodonSettings>;

/** The Mastodon adapter's configuration. */
export interface MastodonConfig {
  url: string;
  accessToken: string;
  streamingUrl?: string;
  pollIntervalMs: number;
  backfillMaxAgeMs: number;
  hashtags: string[];
}

/** The Mastodon section of the configuration: null when MASTODON_URL and MASTODON_ACCESS_TOKEN are unset. */
export function buildMastodonConfig(p: MastodonParsed) {
  const group = credentialGroup('Mastodon', {
    MASTODON_URL: p.MASTODON_URL,
    MASTODON_ACCESS_TOKEN: p.MASTODON_ACCESS_TOKEN,
  });
  const value: MastodonConfig | null = group.enabled
    ? {
        url: p.MASTODON_URL!,
        accessToken: p.MASTODON_ACCESS_TOKEN!,
        streamingUrl: p.MASTODON_STREAMING_URL,
        pollIntervalMs: p.MASTODON_POLL_INTERVAL_SECONDS * 1000,
        backfillMaxAgeMs: p.MASTODON_BACKFILL_MAX_HOURS * 3_600_000,
        hashtags: p.MASTODON_HASHTAGS,
      }
    : null;
  return { value, problem: group.problem, secrets: [p.MASTODON_ACCESS_TOKEN] };
}

/** Validates the Mastodon keys of `env` alone (the channel's own tests and its registration use it). */
export function parseMastodonSettings(env: Record<string, string | undefined>) {
  return buildMastodonConfig(z.object(mastodonSettings).parse(env));
}
