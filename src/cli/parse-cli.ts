import { parseArgs } from 'node:util';
import { AppError, ErrorCode } from '../core/app-error.js';

export type Command =
  | 'run'
  | 'replay'
  | 'score'
  | 'digest'
  | 'migrate'
  | 'discord-invite'
  | 'label'
  | 'model'
  | 'customer'
  | 'help'
  | 'version';

export interface CliArgs {
  command: Command;
  file?: string;
  json: boolean;
  quiet: boolean;
  threshold?: number;
  /** Start of the digest period: 7d, 24h, an ISO date. */
  since: string;
  /** Further words after the command, for commands that take them. */
  rest: string[];
  /** `--yes`: confirms an irreversible command (customer forget). */
  yes: boolean;
}

const COMMANDS: Command[] = [
  'run',
  'replay',
  'score',
  'digest',
  'migrate',
  'discord-invite',
  'label',
  'model',
  'customer',
  'help',
  'version',
];

/** Commands with a help text of their own (`mention-desk label --help`, `mention-desk help model`). */
export const COMMANDS_WITH_HELP = new Set<string>(['label', 'model']);

const OPTIONS = {
  file: { type: 'string', short: 'f' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  threshold: { type: 'string' },
  since: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  yes: { type: 'boolean' },
} as const;

function readArgv(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options: OPTIONS });
  } catch (e) {
    throw new AppError(ErrorCode.BadInput, `${(e as Error).message}. See mention-desk --help.`);
  }
}

/** Parses the command line; unknown commands or options give a one-line error. */
export function parseCli(argv: string[]): CliArgs {
  const parsed = readArgv(argv);
  const { values, positionals } = parsed;
  const word = positionals[0] ?? 'run';
  const command: Command = values.help ? 'help' : values.version ? 'version' : (word as Command);
  // "mention-desk label --help": the command's own help, as "mention-desk help label" gives it.
  const rest = values.help && COMMANDS_WITH_HELP.has(word) ? [word] : positionals.slice(1);
  if (!COMMANDS.includes(command))
    throw new AppError(ErrorCode.BadInput, `unknown command "${word}". See mention-desk --help.`);
  if (command === 'replay' && !values.file)
    throw new AppError(ErrorCode.BadInput, 'replay needs --file FILE (JSON lines, one mention each).');
  if (command === 'label' && !values.file)
    throw new AppError(
      ErrorCode.BadInput,
      'label needs --file FILE (CSV or JSON lines). See mention-desk label --help.',
    );
  let threshold: number | undefined;
  if (values.threshold !== undefined) {
    threshold = Number(values.threshold);
    if (!(threshold >= 0 && threshold <= 1))
      throw new AppError(ErrorCode.BadInput, `--threshold must be a number from 0 to 1 (got "${values.threshold}").`);
  }
  return {
    command,
    file: values.file,
    json: values.json ?? false,
    quiet: values.quiet ?? false,
    threshold,
    since: values.since ?? '7d',
    rest,
    yes: values.yes ?? false,
  };
}
