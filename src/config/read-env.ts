import fs from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import { packageRoot } from '../core/package-root.js';

/** The `.env` that applies: the working directory's, else the project root's (as with the database path). */
export function defaultEnvFile(): string {
  return fs.existsSync('.env') ? path.resolve('.env') : path.join(packageRoot(), '.env');
}

/** The keys `.env` sets (none when there is no file), for the unknown-key warning. */
export function envFileKeys(envFile = defaultEnvFile()): string[] {
  return fs.existsSync(envFile) ? Object.keys(dotenv.parse(fs.readFileSync(envFile))) : [];
}

/**
 * The environment with `.env` (if present) underneath it: real environment variables win, as with
 * dotenv, but process.env itself is left untouched.
 */
export function readEnv(
  envFile = defaultEnvFile(),
  env: NodeJS.ProcessEnv = process.env,
): Record<string, string | undefined> {
  const fromFile = fs.existsSync(envFile) ? dotenv.parse(fs.readFileSync(envFile)) : {};
  return { ...fromFile, ...env };
}
