import type { Db } from '../../src/store/create-db';
import { customerJourneyTests } from '../helpers/customer-journey';
import { tempDb } from '../helpers/temp-db';

describe('one person across channels (SQLite)', () => {
  let db: Db;
  let close: () => Promise<void>;
  beforeEach(async () => ({ db, close } = await tempDb()));
  afterEach(() => close());
  customerJourneyTests(() => db);
});
