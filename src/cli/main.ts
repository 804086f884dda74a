import { hasLiveChannels } from '../app/known-channels.js';
import { loadAppConfig } from '../app/load-app-config.js';
import { openApp } from '../app/open-app.js';
import { runLive } from '../app/run-live.js';
import { runReplay } from '../app/run-replay.js';
import { readEnv } from '../config/read-env.js';
import { AppError, describeError, ErrorCode } from '../core/app-error.js';
import { createLogger } from '../log/create-logger.js';
import { useComplaintModelFile } from '../scoring/complaint-model.js';
import { type SlackDesk, startSlackDesk } from '../slack/start-slack-desk.js';
import { applyMigrations } from '../store/apply-migrations.js';
import { activeModelFile, modelDirFor } from '../training/model-store.js';
import { runCustomer } from './customer-command.js';
import { runDigest } from './digest-command.js';
import { discordInviteLines } from './discord-invite-command.js';
import { HELP, packageVersion } from './help-text.js';
import { LABEL_HELP, runLabelImport } from './label-command.js';
import { MODEL_HELP, runModelCommand } from './model-command.js';
import { parseCli } from './parse-cli.js';
import { runScore } from './score-command.js';

export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  stdin: NodeJS.ReadableStream;
  env: Record<string, string | undefined>;
}

const defaultIo = (): CliIo => ({
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  stdin: process.stdin,
  env: readEnv(),
});

const COMMAND_HELP: Record<string, string> = { label: LABEL_HELP, model: MODEL_HELP };

/** Resolves on SIGINT or SIGTERM: the bot then stops watching and finishes what is in flight. */
function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

/** Runs one command; returns the exit code (0 ok, 1 failure, 2 bad usage or configuration). */
export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  try {
    const args = parseCli(argv);
    if (args.command === 'help') return (io.stdout(COMMAND_HELP[args.rest[0]] ?? HELP), 0);
    if (args.command === 'version') return (io.stdout(packageVersion()), 0);
    const config = loadAppConfig(io.env);
    // The team's adopted model when there is one (models/ beside the database), else the packaged one.
    const modelDir = modelDirFor(config.databaseUrl, config.learning.modelDir);
    if (args.command === 'model') return runModelCommand(args.rest[0], modelDir, io.stdout);
    useComplaintModelFile(activeModelFile(modelDir));
    if (args.command === 'discord-invite') return (discordInviteLines(config).forEach((l) => io.stdout(l)), 0);
    if (args.command === 'score') {
      await runScore(io.stdin, io.stdout, args.threshold ?? config.complaintThreshold);
      return 0;
    }
    const logger = createLogger({ level: config.logLevel, secrets: config.secrets });
    if (args.command === 'migrate') {
      const applied = await applyMigrations(config.databaseUrl, logger);
      io.stdout(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
      return 0;
    }
    const app = await openApp(config, logger);
    let desk: SlackDesk | null = null;
    try {
      if (args.command === 'label') return await runLabelImport(app.db, args.file!, io.stdout, io.stderr);
      if (args.command === 'digest') {
        await runDigest(app, args.since, args.json, io.stdout);
        return 0;
      }
      if (args.command === 'customer') {
        await runCustomer(app, args.rest, args.yes, io.stdout);
        return 0;
      }
      desk = await startSlackDesk(app);
      if (args.command === 'run' && hasLiveChannels(config))
        await runLive(app, { slack: desk?.transport, stopSignal: untilSignal() });
      else {
        const file = args.command === 'replay' ? args.file! : config.demoStreamFile;
        if (args.command === 'run' && !args.json)
          io.stdout(`mention-desk demo: no platform credentials set, replaying ${file} into ${config.databaseUrl}\n`);
        // The demo with Slack configured stays up afterwards, so the team can work its cases from Slack.
        const stayUp = args.command === 'run' && desk ? untilSignal() : undefined;
        if (stayUp && !args.json) io.stdout('The Slack desk keeps running after the replay; press Ctrl-C to stop.');
        await runReplay(app, {
          file,
          json: args.json,
          quiet: args.quiet,
          write: io.stdout,
          slack: desk?.transport,
          keepDrainingUntil: stayUp,
        });
      }
    } finally {
      await desk?.stop();
      await app.close();
    }
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      io.stderr(`mention-desk: ${error.humanMessage}`);
      return error.code === ErrorCode.ConfigInvalid || error.code === ErrorCode.BadInput ? 2 : 1;
    }
    io.stderr(`mention-desk: unexpected error: ${describeError(error)}`);
    return 1;
  }
}
