import { advanceCursors, cursorKey, laterId, readCursor, snowflakeAt } from '../../../adapters/discord/channel-cursor';
import { tempDb } from '../../helpers/temp-db';

describe('snowflakeAt', () => {
  it('gives the smallest id of a moment: Discord ids carry their time in the top bits', () => {
    const ms = Date.parse('2026-11-18T09:00:00Z');
    const id = BigInt(snowflakeAt(ms));
    expect(Number((id >> 22n) + 1_420_070_400_000n)).toBe(ms);
    expect(id & 0x3fffffn).toBe(0n);
    expect(snowflakeAt(0)).toBe('0');
  });

  it('compares ids as numbers, not strings', () => {
    expect(laterId('999999999999999999', '1000000000000000000')).toBe('1000000000000000000');
  });
});

describe('advanceCursors', () => {
  it('moves a cursor forward only, and keeps DM cursors apart', async () => {
    const { db, close } = await tempDb();
    try {
      const key = cursorKey('1180000000000000101');
      await advanceCursors(db, new Map([[key, '1500000000000000005']]));
      await advanceCursors(db, new Map([[key, '1500000000000000003']]));
      expect(await readCursor(db, key)).toBe('1500000000000000005');
      await advanceCursors(db, new Map([[key, '1500000000000000009']]));
      expect(await readCursor(db, key)).toBe('1500000000000000009');
      expect(cursorKey('7', true)).toBe('discord:dm:7');
      expect(await readCursor(db, cursorKey('1180000000000000101', true))).toBeUndefined();
    } finally {
      await close();
    }
  });
});
