import fs from 'node:fs';
import path from 'node:path';

let cached: string | undefined;

/**
 * The folder holding mention-desk's package.json, whether running from src/ (tests, tsx) or from
 * dist/ (built): bundled files (migrations, prompts, the sample stream, the model) are found from here.
 */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`mention-desk: cannot find package.json above ${__dirname}`);
    dir = parent;
  }
  cached = dir;
  return dir;
}

/** A path relative to the working directory if it exists there, else relative to the package root. */
export function resolveBundled(relative: string): string {
  if (path.isAbsolute(relative) || fs.existsSync(relative)) return path.resolve(relative);
  return path.join(packageRoot(), relative);
}
