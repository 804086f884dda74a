import path from 'node:path';
import { runReplay } from '../../src/app/run-replay';
import { ALICE, threadLines, topMessage } from '../helpers/slack/desk-clicks';
import { type DeskHarness, startDeskHarness, waitFor } from '../helpers/slack/desk-harness';
import { closeAndCheck, slackSuite } from '../helpers/slack/with-contract';
import { tempDir } from '../helpers/temp-db';

const { contract, describe: describeSlack } = slackSuite('the cross-channel replay test');
const SAMPLE = path.join(__dirname, '../../samples/cross-channel.jsonl');

describeSlack('samples/cross-channel.jsonl: one person on X, then Discord, then a Discord DM', () => {
  let h: DeskHarness;
  afterEach(() => closeAndCheck(h));

  it('one customer, one case, a thread with all three; the similar-named second person is only suggested', async () => {
    h = await startDeskHarness(contract);
    h.fake.workspace.members = [ALICE];
    const { dir, cleanup } = tempDir('md-cross-');
    const app = { ...h.app, config: { ...h.app.config, replaySentLog: path.join(dir, 'sent.jsonl') } };
    const summary = await runReplay(app, {
      file: SAMPLE,
      quiet: true,
      write: () => undefined,
      slack: h.desk.transport,
    });
    expect(summary.casesOpened).toBe(1);
    await h.drainAll();
    const db = h.app.db;
    const [c] = await db.case.findMany();
    const maria = await db.identity.findMany({ where: { customerId: c.customerId }, orderBy: { id: 'asc' } });
    expect(maria.map((i) => `${i.channel}:${i.handle}`)).toEqual(['x:maria_k', 'discord:maria.kowalska']);
    expect(await db.mention.count({ where: { caseId: c.id } })).toBe(3);
    const second = await db.identity.findFirstOrThrow({ where: { handle: 'mariakowalska_art' } });
    expect(second.customerId).not.toBe(c.customerId);
    expect(await db.linkSuggestion.findMany({ where: { caseId: c.id } })).toEqual([
      expect.objectContaining({ identityId: second.id, status: 'pending' }),
    ]);
    const ts = await waitFor(
      'the case message',
      async () => (await db.case.findUniqueOrThrow({ where: { id: c.id } })).slackTs,
    );
    const top = topMessage(h, ts);
    expect(top).toContain('my refund for the broken router');
    expect(top).toContain('Possibly the same person as @mariakowalska_art on Discord');
    const lines = threadLines(h, ts);
    expect(lines.some((l) => l.includes('Linked *discord:maria.kowalska*, who quoted #1'))).toBe(true);
    expect(lines.some((l) => l.includes('still no refund'))).toBe(true);
    expect(
      lines.some((l) => l.includes('the order number is 4471923') && l.includes('wrote in private on Discord')),
    ).toBe(true);
    cleanup();
  });
});
