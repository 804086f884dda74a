import fs from 'node:fs';
import dotenv from 'dotenv';

/**
 * The environment with `.env` (if present) underneath it: real environment variables win, as with
 * dotenv, but process.env itself is left untouched.
 */
export function readEnv(envFile = '.env', env: NodeJS.ProcessEnv = process.env): Record<string, string | undefined> {
  const fromFile = fs.existsSync(envFile) ? dotenv.parse(fs.readFileSync(envFile)) : {};
  return { ...fromFile, ...env };
}
