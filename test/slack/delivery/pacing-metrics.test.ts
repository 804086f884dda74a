import { createMetrics } from '../../../src/log/metrics';
import { mention } from '../../helpers/fixtures';
import { type DeskHarness, startDeskHarness } from '../../helpers/slack/desk-harness';
import { closeAndCheck, slackSuite } from '../../helpers/slack/with-contract';

const { contract, describe: describeSlack } = slackSuite('the Slack pacing metrics test');

describeSlack('the running desk counts its posting pace in /metrics', () => {
  let h: DeskHarness;
  afterEach(() => closeAndCheck(h));

  it('a case card posted right after another waits for its slot, and that wait is counted', async () => {
    const metrics = createMetrics();
    h = await startDeskHarness(contract, { SLACK_MIN_POST_INTERVAL_MS: '1500' }, { metrics });
    const waited = async () => {
      const line = (await metrics.render())
        .split('\n')
        .find((l) =>
          l.startsWith('mention_desk_pacing_wait_seconds_count{channel="slack",reason="slack_post_pacing"}'),
        );
      return Number(line?.split(' ').at(-1) ?? 0);
    };
    // Two complaints in one batch: two case cards for the team channel, drained back to back.
    await h.ingest([
      mention({ text: '@lumora my order never arrived. Unacceptable!', url: 'https://x.com/a/status/1' }),
      mention({ text: '@lumora charged twice and nobody answers. Unacceptable!', url: 'https://x.com/b/status/2' }),
    ]);
    await h.drainAll();
    expect(await h.app.db.case.count({ where: { slackTs: { not: null } } })).toBe(2);
    expect(await waited()).toBeGreaterThan(0);
    expect(await metrics.render()).not.toContain('mention_desk_rate_limit_waits_total{channel="slack"}');
  });
});
