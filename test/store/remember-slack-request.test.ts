import { REMEMBER_SLACK_REQUEST_MS, rememberSlackRequest } from '../../src/store/remember-slack-request';
import { tempDb } from '../helpers/temp-db';

describe('rememberSlackRequest', () => {
  it('is true the first time a trigger id is seen, false after, and forgets ids past the signature window', async () => {
    const t = await tempDb();
    try {
      const at = new Date('2026-12-03T12:00:00Z');
      expect(await rememberSlackRequest(t.db, '123.456.abc', at)).toBe(true);
      expect(await rememberSlackRequest(t.db, '123.456.abc', new Date(at.getTime() + 4 * 60_000))).toBe(false);
      expect(await rememberSlackRequest(t.db, '789.456.def', at)).toBe(true);
      // Another process on the same database sees what this one recorded (the row, not memory).
      expect(await t.db.slackRequestSeen.count()).toBe(2);
      const later = new Date(at.getTime() + REMEMBER_SLACK_REQUEST_MS + 1000);
      expect(await rememberSlackRequest(t.db, 'fresh', later)).toBe(true);
      expect((await t.db.slackRequestSeen.findMany()).map((r) => r.triggerId)).toEqual(['fresh']);
    } finally {
      await t.close();
    }
  });
});
