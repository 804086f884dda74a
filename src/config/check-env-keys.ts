import type { SettingShape } from '../core/settings/setting-types.js';
import { suggestWord } from '../core/suggest-word.js';
import { allSettings } from './load-config.js';

// Keys a .env may carry for tools around the bot rather than the bot itself.
const OTHER_TOOLS = new Set([
  'SHADOW_DATABASE_URL',
  'NODE_ENV',
  'NODE_OPTIONS',
  'TZ',
  'COMPOSE_PROFILES',
  'POSTGRES_PASSWORD',
]);

/**
 * One warning per key in `.env` that no setting reads (a typo would otherwise be silently ignored),
 * with the closest real setting as a "did you mean".
 */
export function checkEnvKeys(keys: string[], settings: SettingShape = allSettings()): string[] {
  const known = Object.keys(settings);
  return keys
    .filter((k) => !(k in settings) && !OTHER_TOOLS.has(k))
    .map((k) => {
      const near = suggestWord(k, known);
      return (
        `.env sets ${k}, which is not a mention-desk setting` +
        `${near ? ` (did you mean ${near}?)` : ''}; it is ignored. ` +
        `Settings are listed in .env.example.`
      );
    });
}
