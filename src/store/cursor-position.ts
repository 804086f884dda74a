import type { DbTx } from './db-types.js';

/**
 * Where a source last stopped (an X since_id, a DM event id...), from the Cursor table. Adapters move it
 * only after the pipeline stored what came before it, so a crash re-reads rather than loses.
 */
export async function readCursor(db: DbTx, source: string): Promise<string | undefined> {
  const row = await db.cursor.findUnique({ where: { source } });
  return row?.position;
}

/** Moves a source's cursor (creates it the first time). */
export async function saveCursor(db: DbTx, source: string, position: string): Promise<void> {
  await db.cursor.upsert({ where: { source }, create: { source, position }, update: { position } });
}
