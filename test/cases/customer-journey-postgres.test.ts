import { customerJourneyTests } from '../helpers/customer-journey';
import { postgresSuite } from '../helpers/postgres-suite';

const pg = postgresSuite('PostgreSQL one-person-across-channels tests');

pg.describe('one person across channels (PostgreSQL)', () => {
  customerJourneyTests(pg.db);
});
