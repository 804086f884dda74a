// Prisma CLI configuration (used by `prisma migrate dev` when a developer changes the schema).
// The running bot does not use this file: it applies the committed migrations itself (src/store/).
import 'dotenv/config';
import { defineConfig } from 'prisma/config';

const url = process.env.DATABASE_URL ?? 'file:./data/mention-desk.db';
const postgres = /^postgres(ql)?:/.test(url);

export default defineConfig({
  schema: postgres ? 'prisma/postgres/schema.prisma' : 'prisma/schema.prisma',
  migrations: { path: postgres ? 'prisma/postgres/migrations' : 'prisma/migrations' },
  datasource: { url, shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL },
});
