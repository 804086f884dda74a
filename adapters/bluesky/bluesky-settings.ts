import { z } from 'zod';
import { credentialGroup } from '../../src/core/settings/credential-group.js';
import {
  intSetting,
  listSetting,
  optionalText,
  type ParsedSettings,
  type SettingShape,
  urlSetting,
} from '../../src/core/settings/setting-types.js';

// An app password is four groups of four letters or digits (Settings, Privacy and security, App passwords).
const APP_PASSWORD = /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/i;
// A handle is a domain name (brand.bsky.social, brand.com), given without the leading @.
const HANDLE = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/i;

/** Bluesky settings: the brand's account (an app password, never the account password) and what it listens to. */
export const blueskySettings = {
  BLUESKY_HANDLE: optionalText("the brand's handle, e.g. lumora.bsky.social (without @)")
    .transform((v) => v?.replace(/^@/, ''))
    .refine((v) => v === undefined || HANDLE.test(v), 'must be a handle such as lumora.bsky.social'),
  BLUESKY_APP_PASSWORD: optionalText(
    'an app password of the brand account (Settings, Privacy and security, App passwords), xxxx-xxxx-xxxx-xxxx',
  ).refine(
    (v) => v === undefined || APP_PASSWORD.test(v),
    'must be an app password (xxxx-xxxx-xxxx-xxxx), not the account password',
  ),
  BLUESKY_SERVICE: urlSetting(
    'https://bsky.social',
    "the brand account's PDS (or its entryway), e.g. https://bsky.social",
  ),
  BLUESKY_POLL_INTERVAL_SECONDS: intSetting(
    30,
    5,
    3600,
    'whole seconds between two reads of notifications and messages, 5 to 3600',
  ),
  BLUESKY_BACKFILL_MAX_HOURS: intSetting(
    24,
    1,
    168,
    'whole hours: after downtime, catch up on notifications at most this old, 1 to 168',
  ),
  BLUESKY_SEARCH_KEYWORDS: listSetting(
    '',
    'comma-separated words or phrases to search posts for (alerts only); empty turns search off',
  ).refine(
    (list) => list.every((k) => /^[\p{L}\p{N}#$_][\p{L}\p{N}#$_' .&-]{0,59}$/u.test(k)),
    "each keyword is 1 to 60 letters, digits, spaces or # $ _ ' . & - (not leading -)",
  ),
} satisfies SettingShape;

type BlueskyParsed = ParsedSettings<typeof blueskySettings>;

/** The Bluesky adapter's configuration. */
export interface BlueskyConfig {
  handle: string;
  appPassword: string;
  service: string;
  pollIntervalMs: number;
  backfillMaxAgeMs: number;
  searchKeywords: string[];
}

/** The Bluesky section of the configuration: null when BLUESKY_HANDLE and BLUESKY_APP_PASSWORD are unset. */
export function buildBlueskyConfig(p: BlueskyParsed) {
  const group = credentialGroup('Bluesky', {
    BLUESKY_HANDLE: p.BLUESKY_HANDLE,
    BLUESKY_APP_PASSWORD: p.BLUESKY_APP_PASSWORD,
  });
  const value: BlueskyConfig | null = group.enabled
    ? {
        handle: p.BLUESKY_HANDLE!.toLowerCase(),
        appPassword: p.BLUESKY_APP_PASSWORD!,
        service: p.BLUESKY_SERVICE,
        pollIntervalMs: p.BLUESKY_POLL_INTERVAL_SECONDS * 1000,
        backfillMaxAgeMs: p.BLUESKY_BACKFILL_MAX_HOURS * 3_600_000,
        searchKeywords: p.BLUESKY_SEARCH_KEYWORDS,
      }
    : null;
  return { value, problem: group.problem, secrets: [p.BLUESKY_APP_PASSWORD] };
}

/** Validates the Bluesky keys of `env` alone (the channel's own tests and its registration use it). */
export function parseBlueskySettings(env: Record<string, string | undefined>) {
  return buildBlueskyConfig(z.object(blueskySettings).parse(env));
}
