import { slackRequestKey } from '../../../src/slack/handlers/refuse-replays';

describe('slackRequestKey', () => {
  it('names a request by its trigger id, an event by its event_id, a click without trigger id by who and when', () => {
    expect(slackRequestKey({ trigger_id: '123.456.abc', command: '/mentions' })).toBe('123.456.abc');
    expect(slackRequestKey({ type: 'event_callback', event_id: 'Ev0ABC' })).toBe('event:Ev0ABC');
    const click = {
      type: 'block_actions',
      user: { id: 'U0ALICE001' },
      actions: [{ action_id: 'case_claim', action_ts: '1764748800.123456' }],
    };
    expect(slackRequestKey(click)).toBe('action:U0ALICE001:case_claim:1764748800.123456');
    // Another click on the same button is another request.
    const again = { ...click, actions: [{ action_id: 'case_claim', action_ts: '1764748801.000001' }] };
    expect(slackRequestKey(again)).not.toBe(slackRequestKey(click));
  });

  it('leaves requests with nothing unique unguarded, and bounds hostile ids', () => {
    expect(slackRequestKey({ type: 'block_actions', actions: [{ action_id: 'x' }] })).toBeUndefined();
    expect(slackRequestKey({ trigger_id: '' })).toBeUndefined();
    expect(slackRequestKey({ event_id: 'E'.repeat(100_000) })!.length).toBeLessThanOrEqual(300);
  });
});
