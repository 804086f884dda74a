import type { AdvocateRules } from '../advocacy/advocate-rules.js';
import { loadAdvocateRules } from '../advocacy/load-advocate-rules.js';
import { loadPrompts, type Prompts } from '../compose/load-prompts.js';
import { RecentTexts } from '../compose/recent-texts.js';
import type { Config } from '../config/load-config.js';
import type { ChannelLimit } from '../core/channel-limit.js';
import { resolveBundled } from '../core/package-root.js';
import type { Logger } from '../log/create-logger.js';
import { applyMigrations } from '../store/apply-migrations.js';
import { createDb, type Db } from '../store/create-db.js';
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
  close(): Promise<void>;
}

const DAY_MS = 86_400_000;

/**
 * Start-up: prompts checked, migrations applied, database opened, and the texts sent within the
 * uniqueness window loaded so the composer never repeats one.
 */
export async function openApp(config: Config, logger: Logger): Promise<AppContext> {
  const prompts = loadPrompts(resolveBundled(config.promptsDir));
  const advocateRules = loadAdvocateRules(resolveBundled(config.promptsDir));
  await applyMigrations(config.databaseUrl, logger);
  const db = await createDb(config.databaseUrl);
  const windowMs = config.ackUniqueWindowDays * DAY_MS;
  const recent = new RecentTexts(windowMs);
  const sent = await db.outboundMessage.findMany({
    where: { kind: 'public_reply', createdAt: { gte: new Date(Date.now() - windowMs) } },
    select: { textHash: true, createdAt: true },
  });
  for (const s of sent) recent.add(s.textHash, s.createdAt.getTime());
  return { config, logger, db, prompts, advocateRules, recent, channelLimit: limitOf, close: () => db.$disconnect() };
}
