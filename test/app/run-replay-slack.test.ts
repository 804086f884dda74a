import fs from 'node:fs';
import path from 'node:path';
import { runReplay } from '../../src/app/run-replay';
import { CaseAction } from '../../src/slack/slack-ids';
import { ALICE, click, topMessage } from '../helpers/slack/desk-clicks';
import { type DeskHarness, startDeskHarness, waitFor } from '../helpers/slack/desk-harness';
import { closeAndCheck, slackSuite } from '../helpers/slack/with-contract';
import { tempDir } from '../helpers/temp-db';

const { contract, describe: describeSlack } = slackSuite('the demo-with-Slack test');

describeSlack('the demo with Slack configured', () => {
  let h: DeskHarness;
  afterEach(() => closeAndCheck(h));

  it('posts the replayed cases, then keeps sending what the team does in Slack until told to stop', async () => {
    h = await startDeskHarness(contract);
    h.fake.workspace.members = [ALICE];
    const { dir, cleanup } = tempDir('md-demo-slack-');
    const file = path.join(dir, 'demo.jsonl');
    fs.writeFileSync(
      file,
      JSON.stringify({
        channel: 'x',
        id: '991',
        author: { id: '771', handle: 'demo_customer', name: 'Demo Customer' },
        text: '@lumora my order never arrived and nobody answers. Unacceptable!',
        createdAt: '2026-11-18T09:00:00Z',
        mentionsBrand: true,
      }),
    );
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const app = { ...h.app, config: { ...h.app.config, replaySentLog: path.join(dir, 'sent.jsonl') } };
    const run = runReplay(app, {
      file,
      quiet: true,
      write: () => undefined,
      slack: h.desk.transport,
      keepDrainingUntil: stopped,
      drainEveryMs: 20,
    });
    const c = await waitFor(
      'the case posted',
      async () => await h.app.db.case.findFirst({ where: { slackTs: { not: null } } }),
    );
    await click(h, ALICE, CaseAction.Claim, c.id, c.slackTs!);
    await waitFor('the top message updated while the demo keeps running', () =>
      topMessage(h, c.slackTs!).includes(`Owned by <@${ALICE}>`),
    );
    stop();
    const summary = await run;
    expect(summary.casesOpened).toBe(1);
    cleanup();
  });
});
