import fs from 'node:fs';
import { type HealthServer, type ReadinessCheck, startHealthServer } from '../app/health-server.js';
import { hasLiveChannels } from '../app/known-channels.js';
import { everySetting, loadAppConfig } from '../app/load-app-config.js';
import { openApp } from '../app/open-app.js';
import { collectDatabaseMetrics, connectionCheck, databaseCheck, outboxCheck } from '../app/readiness-checks.js';
import { runLive } from '../app/run-live.js';
import { runReplay } from '../app/run-replay.js';
import { createShutdown } from '../app/shutdown-controller.js';
import { watchSlackConnection } from '../app/watch-slack-connection.js';
import { checkEnvKeys } from '../config/check-env-keys.js';
import type { Config } from '../config/load-config.js';
import { envFileKeys, readEnv } from '../config/read-env.js';
import { AppError, describeError, ErrorCode } from '../core/app-error.js';
import { resolveBundled } from '../core/package-root.js';
import { redactUrlCredentials } from '../core/redact-url-credentials.js';
import { createLogger, type Logger } from '../log/create-logger.js';
import { createMetrics } from '../log/metrics.js';
import { useComplaintModelFile } from '../scoring/complaint-model.js';
import type { SlackDesk } from '../slack/start-slack-desk.js';
import { applyMigrations } from '../store/apply-migrations.js';
import { backupDatabase } from '../store/backup-database.js';
import { activeModelFile, modelDirFor } from '../training/model-store.js';
import { runAdvocates } from './advocates-command.js';
import { runCustomer } from './customer-command.js';
import { runDigest, writeDemoDigest } from './digest-command.js';
import { helpText, packageVersion } from './help-text.js';
import { runLabelImport } from './label-command.js';
import { runModelCommand } from './model-command.js';
import { type CliArgs, parseCli } from './parse-cli.js';
import { runScore } from './score-command.js';

export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  stdin: NodeJS.ReadableStream;
  env: Record<string, string | undefined>;
  /** The keys `.env` sets, for the unknown-setting warning (none: no warning). */
  envFileKeys?: string[];
  /** Ends the process at once (a second signal, the shutdown deadline); default process.exit. */
  exit?: (code: number) => void;
  /** Where SIGTERM/SIGINT come from; default the process. */
  signals?: Pick<NodeJS.Process, 'on' | 'off'>;
}

const defaultIo = (): CliIo => ({
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  stdin: process.stdin,
  env: readEnv(),
  envFileKeys: envFileKeys(),
});

/** Runs one command; returns the exit code (0 ok, 1 failure, 2 bad usage or configuration). */
export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  try {
    const args = parseCli(argv);
    if (args.command === 'help') return (io.stdout(helpText(args.helpFor)), 0);
    if (args.command === 'version') return (io.stdout(packageVersion()), 0);
    const config = loadAppConfig(io.env);
    for (const warning of checkEnvKeys(io.envFileKeys ?? [], everySetting()))
      io.stderr(`mention-desk: warning: ${warning}`);
    // The team's adopted model when there is one (models/ beside the database), else the packaged one.
    const modelDir = modelDirFor(config.databaseUrl, config.learning.modelDir);
    if (args.command === 'model') return runModelCommand(args.rest[0], modelDir, io.stdout);
    useComplaintModelFile(activeModelFile(modelDir));
    if (args.command === 'discord-invite') {
      // discord.js loads for this command only (and with a configured Discord channel), not at every start.
      const { discordInviteLines } =
        require('./discord-invite-command.js') as typeof import('./discord-invite-command.js');
      for (const line of discordInviteLines(config)) io.stdout(line);
      return 0;
    }
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
    if (args.command === 'backup') {
      const copy = await backupDatabase(config.databaseUrl, args.rest[0]);
      io.stdout(
        `backed up ${redactUrlCredentials(config.databaseUrl)} to ` +
          `${copy.file} (${copy.bytes} bytes); restore: README, "Backup and restore"`,
      );
      return 0;
    }
    if (
      args.command === 'digest' ||
      args.command === 'label' ||
      args.command === 'customer' ||
      args.command === 'advocates'
    ) {
      const app = await openApp(config, logger);
      try {
        if (args.command === 'label') return await runLabelImport(app.db, args.file!, io.stdout, io.stderr);
        if (args.command === 'customer') await runCustomer(app, args.rest, args.yes, io.stdout);
        else if (args.command === 'advocates') await runAdvocates(app, args.json, io.stdout);
        else await runDigest(app, args.since, args.json, io.stdout, args.png);
      } finally {
        await app.close();
      }
      return 0;
    }
    await runBot(args, config, logger, io);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      io.stderr(`mention-desk: ${redactUrlCredentials(error.humanMessage)}`);
      return error.code === ErrorCode.ConfigInvalid || error.code === ErrorCode.BadInput ? 2 : 1;
    }
    io.stderr(`mention-desk: unexpected error: ${redactUrlCredentials(describeError(error))}`);
    return 1;
  }
}

// The stream a demo or replay reads must exist before anything starts, with the setting that names it.
function streamFile(args: CliArgs, config: Config): string {
  const file = args.command === 'replay' ? args.file! : config.demoStreamFile;
  if (fs.existsSync(resolveBundled(file))) return file;
  if (args.command === 'replay') throw new AppError(ErrorCode.BadInput, `replay --file: there is no file ${file}.`);
  throw new AppError(
    ErrorCode.ConfigInvalid,
    `Setting DEMO_STREAM_FILE is invalid: there is no file ` +
      `${file} (looked in the working directory and the project root). ` +
      `Fix it in .env or the environment (see .env.example).`,
  );
}

/** `run` and `replay`: the bot itself, with its health server and graceful shutdown. */
async function runBot(args: CliArgs, config: Config, logger: Logger, io: CliIo): Promise<void> {
  const live = args.command === 'run' && hasLiveChannels(config);
  const file = live ? undefined : streamFile(args, config);
  const app = await openApp(config, logger);
  const shutdown = createShutdown({
    logger,
    timeoutMs: config.shutdownTimeoutMs,
    exit: io.exit ?? ((code) => process.exit(code)),
    signals: io.signals,
  });
  const metrics = createMetrics();
  collectDatabaseMetrics(metrics, app.db);
  const checks: ReadinessCheck[] = [databaseCheck(app.db), outboxCheck(app.db)];
  let health: HealthServer | undefined;
  let desk: SlackDesk | null = null;
  try {
    if (config.health.port !== undefined) {
      health = await startHealthServer({
        host: config.health.host,
        port: config.health.port,
        metrics,
        logger,
        checks: () => checks,
        stopping: () => shutdown.stopping,
      });
    }
    // Bolt loads only when Slack is configured (the demo without it starts a fifth of a second sooner).
    if (config.slack) {
      const { startSlackDesk } =
        require('../slack/start-slack-desk.js') as typeof import('../slack/start-slack-desk.js');
      desk = await startSlackDesk(app, { metrics });
    }
    if (desk) {
      const connection = watchSlackConnection(desk);
      checks.push(connectionCheck(connection.name, connection.isUp, metrics));
    }
    const stopping = () => shutdown.stopping;
    if (live) {
      await runLive(app, {
        slack: desk?.transport,
        stopSignal: shutdown.stopped,
        stopping,
        metrics,
        onChannels: (channels) => {
          for (const c of channels) checks.push(connectionCheck(c.name, c.isUp, metrics));
        },
      });
      return;
    }
    if (args.command === 'run' && !args.json)
      io.stdout(
        `mention-desk demo: no platform credentials set, replaying ` +
          `${file} into ${redactUrlCredentials(config.databaseUrl)}\n`,
      );
    // The demo with Slack configured stays up afterwards, so the team can work its cases from Slack.
    const stayUp = args.command === 'run' && desk ? shutdown.stopped : undefined;
    if (stayUp && !args.json) io.stdout('The Slack desk keeps running after the replay; press Ctrl-C to stop.');
    await runReplay(app, {
      file: file!,
      json: args.json,
      quiet: args.quiet,
      write: io.stdout,
      slack: desk?.transport,
      keepDrainingUntil: stayUp,
      stopSignal: shutdown.stopped,
      stopping,
      metrics,
      // The demo: its sample's times moved into the last days, so the digest it then writes has data.
      ...(args.command === 'run'
        ? { shiftTimesBefore: new Date(), afterReplay: () => writeDemoDigest(app, args.json, io.stdout) }
        : {}),
    });
  } finally {
    shutdown.dispose();
    await health?.close();
    await desk?.stop();
    await app.close();
    if (shutdown.stopping) logger.info('stopped');
  }
}
