/**
 * An error with a stable code and two messages: `message` is for logs (may hold internal detail),
 * `humanMessage` is safe to show a Slack user or print on the console. Nothing internal is ever posted
 * publicly; callers show `humanMessage` only.
 */
export class AppError extends Error {
  readonly code: string;
  readonly humanMessage: string;

  constructor(code: string, message: string, options: { humanMessage?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.humanMessage = options.humanMessage ?? message;
  }
}

/** Error codes the rest of the system branches on. */
export const ErrorCode = {
  ConfigInvalid: 'config_invalid',
  MigrationFailed: 'migration_failed',
  BadInput: 'bad_input',
  SendFailed: 'send_failed',
  PromptInvalid: 'prompt_invalid',
} as const;

/** Short description of anything thrown, for a log line. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
