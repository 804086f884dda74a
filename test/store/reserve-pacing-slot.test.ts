import { reservePacingSlot } from '../../src/store/reserve-pacing-slot';
import { tempDb } from '../helpers/temp-db';

describe('reservePacingSlot on SQLite', () => {
  it('hands out slots one interval apart, and the next free one once the channel was quiet', async () => {
    const { db, close } = await tempDb();
    try {
      const slots = [];
      for (let i = 0; i < 3; i++) slots.push(await reservePacingSlot(db, 'sqlite', 'slack:C1', 1000, 5000));
      expect(slots).toEqual([5000, 6000, 7000]);
      expect(await reservePacingSlot(db, 'sqlite', 'slack:C1', 1000, 60_000)).toBe(60_000);
      expect(await reservePacingSlot(db, 'sqlite', 'slack:C2', 1000, 5000)).toBe(5000);
    } finally {
      await close();
    }
  });
});
