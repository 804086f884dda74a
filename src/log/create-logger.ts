import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * JSON logs on stderr (stdout is kept for command output). Secrets never reach a log line: known secret
 * values are replaced in the final text, whatever field or message they hide in, and the usual
 * credential fields are redacted by path.
 */
export function createLogger(options: { level: string; secrets?: string[]; destination?: DestinationStream }): Logger {
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 4);
  return pino(
    {
      level: options.level,
      base: undefined,
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
      ...(secrets.length ? { hooks: { streamWrite: (line: string) => scrubSecrets(line, secrets) } } : {}),
    },
    options.destination ?? pino.destination(2),
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
