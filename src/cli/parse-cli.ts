import { parseArgs } from 'node:util';
import { AppError, ErrorCode } from '../core/app-error.js';
import { suggestWord } from '../core/suggest-word.js';

export type Command =
  | 'run'
  | 'replay'
  | 'score'
  | 'digest'
  | 'migrate'
  | 'backup'
  | 'discord-invite'
  | 'label'
  | 'model'
  | 'customer'
  | 'advocates'
  | 'help'
  | 'version';

export interface CliArgs {
  command: Command;
  /** For `help`: the command whose help was asked for (`score --help`, `help score`). */
  helpFor?: Command;
  file?: string;
  json: boolean;
  quiet: boolean;
  threshold?: number;
  /** Start of the digest period: 7d, 24h, an ISO date. */
  since: string;
  /** `digest --png FILE`: where the chart is written. */
  png?: string;
  /** Further words after the command, for commands that take them. */
  rest: string[];
  /** `--yes`: confirms an irreversible command (customer forget). */
  yes: boolean;
}

const OPTIONS = {
  file: { type: 'string', short: 'f' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  threshold: { type: 'string' },
  since: { type: 'string' },
  png: { type: 'string' },
  yes: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;
type OptionName = keyof typeof OPTIONS;

/** The options each command takes (--help and --version go with any). */
export const COMMAND_OPTIONS: Record<Command, OptionName[]> = {
  run: ['json', 'quiet'],
  replay: ['file', 'json', 'quiet'],
  score: ['threshold'],
  digest: ['since', 'json', 'png'],
  migrate: [],
  backup: [],
  'discord-invite': [],
  label: ['file'],
  model: [],
  customer: ['yes'],
  advocates: ['json'],
  help: [],
  version: [],
};
export const COMMANDS = Object.keys(COMMAND_OPTIONS) as Command[];

const usage = (message: string) => new AppError(ErrorCode.BadInput, message);

function parseWords(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, tokens: true, options: OPTIONS });
  } catch (e) {
    const message = (e as Error).message;
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
    if (unknown) {
      const near = unknown.startsWith('--') ? suggestWord(unknown.slice(2), Object.keys(OPTIONS)) : undefined;
      throw usage(`unknown option ${unknown}${near ? ` (did you mean --${near}?)` : ''}. See mention-desk --help.`);
    }
    throw usage(`${message.split('\n')[0]} See mention-desk --help.`);
  }
}

/**
 * Parses the command line; unknown commands or options, and options that belong to another command,
 * give a one-line error (with a "did you mean" when a near word exists).
 */
export function parseCli(argv: string[]): CliArgs {
  const { values, positionals, tokens } = parseWords(argv);
  const word = positionals[0] ?? 'run';
  if (!COMMANDS.includes(word as Command)) {
    const near = suggestWord(word, COMMANDS);
    throw usage(`unknown command "${word}"${near ? ` (did you mean "${near}"?)` : ''}. See mention-desk --help.`);
  }
  const named = word as Command;
  if (named === 'help') {
    const about = positionals[1];
    if (about !== undefined && !COMMANDS.includes(about as Command))
      throw usage(`no help for "${about}": not a command. See mention-desk --help.`);
    return base({ command: 'help', helpFor: about as Command | undefined });
  }
  if (values.help) return base({ command: 'help', helpFor: positionals.length ? named : undefined });
  if (values.version) return base({ command: 'version' });
  for (const t of tokens) {
    if (t.kind !== 'option' || t.name === 'help' || t.name === 'version') continue;
    if (!COMMAND_OPTIONS[named].includes(t.name as OptionName)) {
      const owners = COMMANDS.filter((c) => COMMAND_OPTIONS[c].includes(t.name as OptionName));
      throw usage(
        `${t.rawName} is not an option of ${named} (it belongs to ` +
          `${owners.join(', ')}). See mention-desk ${named} --help.`,
      );
    }
  }
  if (named === 'replay' && !values.file) throw usage('replay needs --file FILE (JSON lines, one mention each).');
  if (named === 'label' && !values.file)
    throw usage('label needs --file FILE (CSV or JSON lines). See mention-desk label --help.');
  if (named === 'backup' && positionals.length !== 2)
    throw usage('backup needs one FILE to write the copy to, e.g. mention-desk backup backups/desk.db');
  let threshold: number | undefined;
  if (values.threshold !== undefined) {
    threshold = /^\d+(\.\d+)?$/.test(values.threshold) ? Number(values.threshold) : Number.NaN;
    if (!(threshold >= 0 && threshold <= 1))
      throw usage(`--threshold must be a number from 0 to 1 (got "${values.threshold}").`);
  }
  return {
    ...base({ command: named }),
    file: values.file,
    json: values.json ?? false,
    quiet: values.quiet ?? false,
    threshold,
    since: values.since ?? '7d',
    png: values.png,
    rest: positionals.slice(1),
    yes: values.yes ?? false,
  };
}

function base(args: Partial<CliArgs> & { command: Command }): CliArgs {
  return { json: false, quiet: false, since: '7d', rest: [], yes: false, ...args };
}
