import type { Logger } from '../log/create-logger.js';

/** Start-to-finish of a graceful stop: what the running parts ask, and what the CLI triggers. */
export interface ShutdownController {
  /** True from the first signal on: take no new work, send nothing new. */
  readonly stopping: boolean;
  /** Resolves at the first signal (or `stop()`). */
  readonly stopped: Promise<void>;
  /** Starts the graceful stop as a signal would (tests, the end of a command). */
  stop(reason?: string): void;
  /** Removes the signal handlers and the exit timer once the command has ended on its own. */
  dispose(): void;
}

export interface ShutdownOptions {
  logger: Logger;
  /** After the first signal, exit anyway once this has passed (SHUTDOWN_TIMEOUT_SECONDS). */
  timeoutMs: number;
  /** Ends the process (process.exit). */
  exit: (code: number) => void;
  /** The process whose signals are watched. */
  signals?: Pick<NodeJS.Process, 'on' | 'off'>;
}

/**
 * SIGTERM/SIGINT handling: the first signal stops new work and lets in-flight sends finish, with a
 * deadline after which the process exits anyway; a second signal exits at once. Messages not sent stay
 * queued in the outbox for the next start.
 */
export function createShutdown(options: ShutdownOptions): ShutdownController {
  const signals = options.signals ?? process;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let resolveStopped!: () => void;
  const stopped = new Promise<void>((resolve) => (resolveStopped = resolve));
  const stop = (reason = 'stop requested') => {
    if (stopping) return;
    stopping = true;
    options.logger.info(
      { timeoutSeconds: options.timeoutMs / 1000 },
      `${reason}: taking no new work, finishing in-flight sends; ` +
        `unsent messages stay queued (a second signal exits now)`,
    );
    // Unref'd: a process that finishes in time exits on its own; one that hangs is ended here.
    timer = setTimeout(() => {
      options.logger.warn(
        'shutdown timeout reached: exiting with sends still in flight (they are checked at next start)',
      );
      options.exit(1);
    }, options.timeoutMs);
    timer.unref();
    resolveStopped();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      options.logger.warn({ signal }, 'second signal: exiting now');
      options.exit(signal === 'SIGINT' ? 130 : 143);
      return;
    }
    stop(`${signal} received`);
  };
  signals.on('SIGTERM', onSignal);
  signals.on('SIGINT', onSignal);
  return {
    get stopping() {
      return stopping;
    },
    stopped,
    stop,
    dispose() {
      signals.off('SIGTERM', onSignal);
      signals.off('SIGINT', onSignal);
    },
  };
}
