import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { redactUrlCredentials } from '../core/redact-url-credentials.js';

export type { Logger } from 'pino';

/** How the logger is built: its level, the secret values to scrub, and where lines go. */
export interface LoggerOptions {
  level: string;
  secrets?: string[];
  destination?: DestinationStream;
  /** Human-readable lines with local times (pino-pretty); default: when stderr is a terminal. */
  pretty?: boolean;
}

/**
 * Logs on stderr (stdout is kept for command output): readable lines with local times in a terminal,
 * JSON lines with ISO times otherwise (files, containers, log shippers). Secrets never reach a log
 * line: known secret values and any URL's user:password are replaced in the final text, whatever field
 * or message they hide in, and the usual credential fields are redacted by path.
 */
export function createLogger(options: LoggerOptions): Logger {
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 4);
  const human = options.pretty ?? (options.destination === undefined && process.stderr.isTTY === true);
  const scrub = (line: string) => redactUrlCredentials(scrubSecrets(line, secrets));
  // Scrubbing happens on the JSON line, before pino-pretty formats it, so both outputs are clean.
  const out = options.destination ?? (human ? 2 : pino.destination(2));
  const destination = human
    ? pretty({
        destination: out as never,
        sync: true,
        colorize: options.destination === undefined,
        translateTime: 'SYS:yyyy-mm-dd HH:MM:ss.l',
        ignore: 'pid,hostname',
      })
    : (out as DestinationStream);
  return pino(
    {
      level: options.level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          'token',
          '*.token',
          'authorization',
          '*.authorization',
          '*.headers.authorization',
          'password',
          '*.password',
        ],
        censor: '[redacted]',
      },
      hooks: { streamWrite: scrub },
    },
    destination,
  );
}

/** Replaces every occurrence of each secret (also JSON-escaped) with [redacted]. */
export function scrubSecrets(text: string, secrets: string[]): string {
  let out = text;
  for (const secret of secrets) {
    for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1)])) {
      if (form) out = out.split(form).join('[redacted]');
    }
  }
  return out;
}

/** A logger that writes nothing (tests, benchmarks). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
