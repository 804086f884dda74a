import type { webApi } from '@slack/bolt';
import type { SlackConfig } from '../../config/slack-settings.js';
import type { Logger } from '../../log/create-logger.js';
import type { Db } from '../../store/create-db.js';
import type { Pacer } from './pace-posts.js';

/** What the Slack outbox transport needs, passed in as one object so tests pass their own. */
export interface SlackSendDeps {
  db: Db;
  /** A WebClient that rejects rate-limited calls instead of waiting in memory: the outbox waits durably. */
  client: webApi.WebClient;
  config: Pick<SlackConfig, 'channelId' | 'onCall' | 'burstCases' | 'burstWindowMinutes'> &
    Partial<Pick<SlackConfig, 'burstMaxCases' | 'burstMaxMinutes' | 'burstCasesPerPost' | 'historyReadsPerMinute'>>;
  pacer: Pacer;
  logger: Logger;
  now: () => Date;
  /** The database's provider, for the digest's time-bucket query (SQLite when absent). */
  databaseProvider?: 'sqlite' | 'postgresql';
}
