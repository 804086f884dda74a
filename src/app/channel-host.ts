import type { Logger } from '../log/create-logger.js';
import type { Db } from '../store/create-db.js';

/** What the running app hands every channel it starts. */
export interface ChannelHost {
  brand: { name: string; handles: string[] };
  db: Db;
  logger: Logger;
}
