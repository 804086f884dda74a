import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../core/package-root.js';
import { LABEL_HELP } from './label-command.js';
import { MODEL_HELP } from './model-command.js';
import type { Command } from './parse-cli.js';

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
  mention-desk advocates [--json]    The team members' linked social accounts (staff advocates), verified or not.
  mention-desk migrate               Apply database migrations and exit.
  mention-desk label --file FILE     Import the team's labels (CSV or JSON lines of text and complaint);
                                     the nightly retrain learns from them.
  mention-desk model status|rollback Which complaint model is in use; go back to the one the last retrain
                                     replaced.
  mention-desk backup FILE           Copy the SQLite database to FILE while the bot runs (PostgreSQL: pg_dump).
  mention-desk discord-invite        Print the link that adds the Discord bot to a server, with the
                                     permissions it needs (from DISCORD_APPLICATION_ID or the token).
  mention-desk COMMAND --help        Help on one command and its options.
  mention-desk --help | --version

Options:
  --json            One JSON object per line instead of text (run, replay, digest, advocates).
  --quiet           Only the summary (run, replay).
  --threshold N     Complaint threshold for score (default: COMPLAINT_THRESHOLD, 0.5).
  --since P         Digest period: 7d, 24h, 2w, 90m or an ISO date (default 7d).
  --png FILE        digest: also write the chart as a PNG image.

Slack: with SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET and SLACK_CHANNEL_ID set, run and replay start the
team's Slack desk (Socket Mode when SLACK_APP_TOKEN is set, else HTTP on SLACK_HTTP_PORT); cases post
to the channel. Create the app from slack/manifest.json (README, "Slack").

Operations: HEALTH_PORT serves /healthz, /readyz and /metrics; SIGTERM or Ctrl-C stops taking new work,
lets in-flight sends finish (up to SHUTDOWN_TIMEOUT_SECONDS) and exits; a second signal exits at once.

Settings come from the environment and from .env; every key is listed in .env.example.
`;

/** `mention-desk COMMAND --help`: what the command does and the options it takes. */
export const COMMAND_HELP: Record<Exclude<Command, 'help' | 'version'>, string> = {
  label: LABEL_HELP,
  model: MODEL_HELP,
  customer: `Usage: mention-desk customer export <handle|channel:handle|#case>
       mention-desk customer forget <handle|channel:handle|#case> --yes

export: everything stored about the person (identities, mentions, cases, events, messages sent,
ratings) as one JSON document on stdout. forget: erases their texts and identities, keeps anonymous
counts for digests, drops their pending messages and records the request (without --yes it only says
what would go).

  --yes   Confirms forget.
`,
  advocates: `Usage: mention-desk advocates [--json]

The team members' own social accounts linked from Slack (/mentions advocate add x:@handle): who, which
account, whether it is verified (its code was posted or DMed from it), and how many replies joined cases.

  --json   One JSON object per line: slackUserId, channel, handle, accountId, verified, verifiedAt,
           linkedAt, replies.
`,
  run: `Usage: mention-desk [run] [--json] [--quiet]

Runs the bot on every platform whose credentials are set (X, Discord). With none set, runs the demo:
the bundled sample stream (DEMO_STREAM_FILE) through the whole pipeline into DATABASE_URL.

  --json     One JSON object per mention, then a summary object.
  --quiet    Only the summary.

SIGTERM or Ctrl-C stops taking new work, lets in-flight sends finish (SHUTDOWN_TIMEOUT_SECONDS, default
10) and leaves the rest queued for the next start; a second signal exits at once.
`,
  replay: `Usage: mention-desk replay --file FILE [--json] [--quiet]

Runs a JSON-lines file of mentions (one JSON object per line, format in the README) through the
pipeline. Replies are recorded in REPLAY_SENT_LOG, not posted. Running it again adds nothing. Only \\n or
\\r\\n end a line; an unreadable line is kept in the DeadLetter table and the rest goes on.

  --file FILE, -f FILE   The JSON-lines file.
  --json                 One JSON object per mention, then a summary object.
  --quiet                Only the summary.
`,
  score: `Usage: mention-desk score [--threshold N] < texts.txt

Reads texts on stdin, one per line (only \\n or \\r\\n end a line), or JSON lines with a "text" field, and
prints exactly one JSON object per input line: {"score","complaint","reasons","topic","severity",...},
or {"error"} for a JSON line without a "text" string.

  --threshold N   Complaint threshold from 0 to 1 (default: COMPLAINT_THRESHOLD, 0.5).
`,
  digest: `Usage: mention-desk digest [--since P] [--json] [--png FILE]

The managers' digest of the period ending now, as Markdown, in TEAM_TIMEZONE, in whole days (whole
hours up to two days): 7d is today and the six days before. Each thing counts in the period it
happened in (a mention when posted, a case when it opened); open cases are those open now.

  --since P    7d, 24h, 2w, 90m or an earlier ISO date (default 7d).
  --json       The digest as one JSON object (with --png, its path as chartFile).
  --png FILE   Also write the chart as a PNG image, and print its path.
`,
  migrate: `Usage: mention-desk migrate

Applies the committed database migrations that DATABASE_URL lacks, and exits. Start-up does the same;
concurrent start-ups wait for each other.
`,
  backup: `Usage: mention-desk backup FILE

Copies the SQLite database (DATABASE_URL) to FILE with SQLite's online backup: safe while the bot runs.
Restore: stop the bot, copy FILE over the database file (and remove its -wal and -shm files), start it.
With PostgreSQL, use pg_dump (and pg_restore or psql to restore) instead.
`,
  'discord-invite': `Usage: mention-desk discord-invite

Prints the link that adds the Discord bot to a server, with the permissions it needs (from
DISCORD_APPLICATION_ID, or the application id inside DISCORD_BOT_TOKEN).
`,
};

/** The help text for `mention-desk [COMMAND] --help`. */
export function helpText(command?: Command): string {
  return command && command !== 'help' && command !== 'version' ? COMMAND_HELP[command] : HELP;
}

/** The version in package.json. */
export function packageVersion(): string {
  return JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')).version;
}
