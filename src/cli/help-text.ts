import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../core/package-root.js';

/** `mention-desk --help`. */
export const HELP = `mention-desk: catch public complaints, acknowledge them, and give each one an owner in Slack.

Usage:
  mention-desk [run]                 Run the bot. With no platform credentials, runs the demo: the bundled
                                     sample stream through the whole pipeline, on the embedded SQLite database.
  mention-desk replay --file FILE    Run a JSON-lines file of mentions through the pipeline (format: README).
  mention-desk score                 Read texts on stdin (one per line, or JSON lines with a "text" field)
                                     and print one JSON object per line: {"score","complaint","reasons",...}.
  mention-desk migrate               Apply database migrations and exit.
  mention-desk discord-invite        Print the link that adds the Discord bot to a server, with the
                                     permissions it needs (from DISCORD_APPLICATION_ID or the token).
  mention-desk --help | --version

Options:
  --json            One JSON object per line instead of text (run, replay).
  --quiet           Only the summary (run, replay).
  --threshold N     Complaint threshold for score (default: COMPLAINT_THRESHOLD, 0.5).

Settings come from the environment and from .env; every key is listed in .env.example.
`;

/** The version in package.json. */
export function packageVersion(): string {
  return JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')).version;
}
