import path from 'node:path';
import { packageRoot } from '../core/package-root.js';
import {
  choiceSetting,
  flagSetting,
  intSetting,
  listSetting,
  numberSetting,
  optionalIntSetting,
  type ParsedSettings,
  type SettingShape,
  textSetting,
} from '../core/settings/setting-types.js';

/** Settings every run needs: storage, logging, the brand, the scorer's threshold, the composer. */
export const coreSettings = {
  DATABASE_URL: textSetting(
    'file:./data/mention-desk.db',
    'file:./path/to.db (SQLite) or postgresql://user:pass@host:5432/db',
  ).refine((s) => /^(file:|postgres(ql)?:\/\/)/.test(s), 'must start with file: (SQLite) or postgresql://'),
  LOG_LEVEL: choiceSetting(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
    'info',
    'one of fatal, error, warn, info, debug, trace, silent',
  ),
  BRAND_NAME: textSetting('Lumora', 'the brand name used in messages, e.g. Lumora'),
  BRAND_HANDLES: listSetting(
    'lumora,LumoraCares',
    "the brand's own handles on every channel, comma-separated, without @",
  ),
  BRAND_KEYWORDS: listSetting('lumora', 'words that count as talking about the brand, comma-separated'),
  COMPLAINT_THRESHOLD: numberSetting(0.5, 0, 1, 'a number from 0 to 1; scores at or above it are complaints'),
  ACKNOWLEDGE_MIN_SCORE: numberSetting(
    0.6,
    0,
    1,
    'a number from 0 to 1; complaints scoring below it get a case but no automatic public answer',
  ),
  ACKNOWLEDGE_QUESTION_MIN_SCORE: numberSetting(
    0.8,
    0,
    1,
    'a number from 0 to 1; complaints phrased as questions scoring ' +
      'below it get a case for a person, not an automatic apology',
  ),
  ACKNOWLEDGE_AUTOMATICALLY: flagSetting(true, 'true or false: post public acknowledgements without a human'),
  ACK_UNIQUE_WINDOW_DAYS: intSetting(30, 1, 3650, 'whole days during which an acknowledgement text is never reused'),
  ACK_RECENT_TEXTS_MAX: intSetting(
    100_000,
    1000,
    10_000_000,
    'whole number of the newest public replies whose hashes start-up loads for the never-twice rule',
  ),
  DB_STATISTICS_MINUTES: intSetting(60, 1, 10_080, 'whole minutes between refreshes of the SQLite planner statistics'),
  PROMPTS_DIR: textSetting('prompts', 'folder holding the message templates'),
  DEMO_STREAM_FILE: textSetting('samples/lumora-stream.jsonl', 'JSON-lines file the demo replays'),
  REPLAY_SENT_LOG: textSetting('data/replay-sent.jsonl', 'file where replay runs record what they "sent"'),
  OUTBOX_MAX_ATTEMPTS: intSetting(8, 1, 100, 'whole number of send attempts before a message is marked failed'),
  OUTBOX_LEASE_SECONDS: intSetting(
    15,
    3,
    600,
    'seconds a sender holds a message it is sending; renewed while it works, checked and resumed after',
  ),
  LEASE_SECONDS: intSetting(
    30,
    3,
    600,
    'seconds an instance holds a source (an X account, the Discord ' +
      'gateway) on PostgreSQL before another may take it over',
  ),
  HEALTH_PORT: optionalIntSetting(
    0,
    65535,
    'port of /healthz, /readyz and /metrics, e.g. 9464 (0: any free port); empty: no health server',
  ),
  HEALTH_HOST: textSetting(
    '127.0.0.1',
    'address the health server listens on, e.g. 127.0.0.1, or 0.0.0.0 in a container',
  ),
  SHUTDOWN_TIMEOUT_SECONDS: intSetting(
    10,
    1,
    600,
    'whole seconds a SIGTERM/SIGINT waits for in-flight sends before the bot exits anyway',
  ),
} satisfies SettingShape;

type CoreParsed = ParsedSettings<typeof coreSettings>;

/** Core configuration, as the rest of the code sees it. */
export interface CoreConfig {
  databaseUrl: string;
  logLevel: CoreParsed['LOG_LEVEL'];
  brand: { name: string; handles: string[]; keywords: string[] };
  complaintThreshold: number;
  acknowledgeMinScore: number;
  acknowledgeQuestionMinScore: number;
  acknowledgeAutomatically: boolean;
  ackUniqueWindowDays: number;
  ackRecentTextsMax: number;
  statisticsMinutes: number;
  promptsDir: string;
  demoStreamFile: string;
  replaySentLog: string;
  outboxMaxAttempts: number;
  outboxLeaseMs: number;
  sourceLeaseMs: number;
  /** Where /healthz, /readyz and /metrics listen; undefined port: no health server. */
  health: { port?: number; host: string };
  shutdownTimeoutMs: number;
}

/**
 * A SQLite URL with a relative path made absolute against the project root (the folder of package.json),
 * so the bot finds the same database whatever folder it is started from. Absolute paths, `:memory:` and
 * PostgreSQL URLs are kept as written.
 */
export function resolveDatabaseUrl(url: string, root = packageRoot()): string {
  const m = /^file:(.*)$/.exec(url);
  if (!m) return url;
  const [file, query = ''] = m[1].split(/(?=\?)/);
  if (file === ':memory:' || path.isAbsolute(file)) return url;
  return `file:${path.resolve(root, file)}${query}`;
}

/** A relative output file (the replay sent log) resolved against the project root, like the database. */
export function resolveProjectPath(file: string, root = packageRoot()): string {
  return path.resolve(root, file);
}

export function buildCoreConfig(p: CoreParsed): CoreConfig {
  return {
    databaseUrl: resolveDatabaseUrl(p.DATABASE_URL),
    logLevel: p.LOG_LEVEL,
    brand: { name: p.BRAND_NAME, handles: p.BRAND_HANDLES.map((h) => h.replace(/^@/, '')), keywords: p.BRAND_KEYWORDS },
    complaintThreshold: p.COMPLAINT_THRESHOLD,
    acknowledgeMinScore: p.ACKNOWLEDGE_MIN_SCORE,
    acknowledgeQuestionMinScore: p.ACKNOWLEDGE_QUESTION_MIN_SCORE,
    acknowledgeAutomatically: p.ACKNOWLEDGE_AUTOMATICALLY,
    ackUniqueWindowDays: p.ACK_UNIQUE_WINDOW_DAYS,
    ackRecentTextsMax: p.ACK_RECENT_TEXTS_MAX,
    statisticsMinutes: p.DB_STATISTICS_MINUTES,
    promptsDir: p.PROMPTS_DIR,
    demoStreamFile: p.DEMO_STREAM_FILE,
    replaySentLog: resolveProjectPath(p.REPLAY_SENT_LOG),
    outboxMaxAttempts: p.OUTBOX_MAX_ATTEMPTS,
    outboxLeaseMs: p.OUTBOX_LEASE_SECONDS * 1000,
    sourceLeaseMs: p.LEASE_SECONDS * 1000,
    health: { port: p.HEALTH_PORT, host: p.HEALTH_HOST },
    shutdownTimeoutMs: p.SHUTDOWN_TIMEOUT_SECONDS * 1000,
  };
}
