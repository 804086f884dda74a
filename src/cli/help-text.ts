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
  mention-desk digest [--since 7d]   The managers' digest of the period as Markdown (--json: one JSON object).
  mention-desk customer export H     Everything stored about a person (handle, channel:handle or #case) as JSON.
  mention-desk customer forget H --yes
                                     Erase a person's texts and identities (counts kept); records the request.
  mention-desk migrate               Apply database migrations and exit.
  mention-desk label --file FILE     Import the team's labels (CSV or JSON lines of text and complaint);
                                     the nightly retrain learns from them. See mention-desk label --help.
  mention-desk model status|rollback Which complaint model is in use; go back to the one the last retrain
                                     replaced. See mention-desk model --help.
  mention-desk discord-invite        Print the link that adds the Discord bot to a server, with the
                                     permissions it needs (from DISCORD_APPLICATION_ID or the token).
  mention-desk --help | --version

Options:
  --json            One JSON object per line instead of text (run, replay).
  --quiet           Only the summary (run, replay).
  --threshold N     Complaint threshold for score (default: COMPLAINT_THRESHOLD, 0.5).
  --since P         Digest period: 7d, 24h, 2w, 90m or an ISO date (default 7d).

Slack: with SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET and SLACK_CHANNEL_ID set, run and replay start the
team's Slack desk (Socket Mode when SLACK_APP_TOKEN is set, else HTTP on SLACK_HTTP_PORT); cases post
to the channel. Create the app from slack/manifest.json (README, "Slack").

Settings come from the environment and from .env; every key is listed in .env.example.
`;

/** The version in package.json. */
export function packageVersion(): string {
  return JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')).version;
}
