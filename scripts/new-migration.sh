#!/usr/bin/env bash
# Creates a migration for both providers from prisma/schema.prisma, under the same folder name.
# Needs a PostgreSQL server for the second half: PG_URL and PG_SHADOW_URL (two disposable databases).
# On machines without Prisma's schema engine, set PRISMA_SCHEMA_ENGINE_BINARY (see README, Database).
set -euo pipefail
name=${1:?usage: scripts/new-migration.sh <name>}
cd "$(dirname "$0")/.."
node scripts/derive-postgres-schema.js
DATABASE_URL="file:./data/migration-dev.db" npx prisma migrate dev --name "$name"
folder=$(ls -d prisma/migrations/*_"$name" | tail -1)
DATABASE_URL="${PG_URL:?set PG_URL}" SHADOW_DATABASE_URL="${PG_SHADOW_URL:?set PG_SHADOW_URL}" npx prisma migrate dev --name "$name"
pg_folder=$(ls -d prisma/postgres/migrations/*_"$name" | tail -1)
[ "$(basename "$pg_folder")" = "$(basename "$folder")" ] || mv "$pg_folder" "prisma/postgres/migrations/$(basename "$folder")"
node scripts/prisma-generate.js
echo "created $(basename "$folder") for SQLite and PostgreSQL"
