import type { DbTx } from './db-types.js';

/** Switches the team flips at run time (from Slack), stored so every instance and restart agrees. */
export const SettingKey = {
  AcknowledgementsPaused: 'acknowledgements_paused',
} as const;

export async function readSetting(db: DbTx, key: string): Promise<string | undefined> {
  const row = await db.setting.findUnique({ where: { key } });
  return row?.value;
}

export async function writeSetting(db: DbTx, key: string, value: string): Promise<void> {
  await db.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
}

/** Paused by config (ACKNOWLEDGE_AUTOMATICALLY=false) or by the team's crisis switch. */
export async function acknowledgementsPaused(db: DbTx, enabledByConfig: boolean): Promise<boolean> {
  if (!enabledByConfig) return true;
  return (await readSetting(db, SettingKey.AcknowledgementsPaused)) === 'true';
}
