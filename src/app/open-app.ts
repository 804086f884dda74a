import type { AdvocateRules } from '../advocacy/advocate-rules.js';
import { loadAdvocateRules } from '../advocacy/load-advocate-rules.js';
import { loadPrompts, type Prompts } from '../compose/load-prompts.js';
import { RecentTexts } from '../compose/recent-texts.js';
import type { Config } from '../config/load-config.js';
import type { ChannelLimit } from '../core/channel-limit.js';
import { resolveBundled } from '../core/package-root.js';
import type { Logger } from '../log/create-logger.js';
import { applyMigrations } from '../store/apply-migrations.js';
import { createDb, type Db, dbProvider } from '../store/create-db.js';
import { loadRecentReplyHashes } from '../store/recent-reply-hashes.js';
import { refreshStatistics, scheduleStatistics } from '../store/refresh-statistics.js';
import { shareRecentTexts } from '../store/share-recent-texts.js';
import { limitOf } from './known-channels.js';

/** What every command that touches the database shares. */
export interface AppContext {
  config: Config;
  /** How long a message may be on each channel (from the channel list). */
  channelLimit: (channel: string) => ChannelLimit;
  logger: Logger;
  db: Db;
  prompts: Prompts;
  /** The advocate check's rules, read from the prompts folder with the prompts. */
  advocateRules: AdvocateRules;
  recent: RecentTexts;
  /** The planner's statistics, refreshed on a schedule and after many rows were written. */
  statistics: { wrote(rows: number): void };
  /** On PostgreSQL: adds the replies other instances queued to `recent` (the pipeline calls it per batch). */
  shareRecent?: () => Promise<void>;
  close(): Promise<void>;
}

const DAY_MS = 86_400_000;
// A big import changes the tables faster than the schedule: refresh again after this many mentions.
const STATISTICS_EVERY_ROWS = 50_000;

/**
 * Start-up: prompts checked, migrations applied, database opened, and the texts sent within the
 * uniqueness window loaded so the composer never repeats one.
 */
export async function openApp(config: Config, logger: Logger): Promise<AppContext> {
  const prompts = loadPrompts(resolveBundled(config.promptsDir));
  const advocateRules = loadAdvocateRules(resolveBundled(config.promptsDir));
  await applyMigrations(config.databaseUrl, logger);
  const db = await createDb(config.databaseUrl);
  await refreshStatistics(db, logger);
  const statistics = scheduleStatistics(db, {
    everyMs: config.statisticsMinutes * 60_000,
    rowsBetween: STATISTICS_EVERY_ROWS,
    logger,
  });
  const windowMs = config.ackUniqueWindowDays * DAY_MS;
  const recent = new RecentTexts(windowMs);
  const since = new Date(Date.now() - windowMs);
  const loadedAt = Date.now();
  for (const r of await loadRecentReplyHashes(db, since, config.ackRecentTextsMax)) recent.add(r.hash, r.at);
  // After the start-up read, so that read does not fill it: SQLite's default page cache is 2 MB, and at a
  // million mentions every insert then reads its ~18 index pages back from the file.
  if (dbProvider(db) === 'sqlite') await db.$queryRawUnsafe('PRAGMA cache_size = -32768');
  const shareRecent =
    dbProvider(db) === 'postgresql' ? shareRecentTexts(db, recent, { since: loadedAt, everyMs: 1000 }) : undefined;
  const close = async () => {
    statistics.stop();
    await db.$disconnect();
  };
  return { config, logger, db, prompts, advocateRules, recent, statistics, shareRecent, channelLimit: limitOf, close };
}
