import path from 'node:path';
import { retrainNightly } from '../../src/jobs/retrain-nightly';
import { silentLogger } from '../../src/log/create-logger';
import { useComplaintModelFile } from '../../src/scoring/complaint-model';
import { ACTIVE_MODEL, readModelFile, writeLastRetrain } from '../../src/training/model-store';
import { type DeskHarness, startDeskHarness, TEAM_CHANNEL } from '../helpers/slack/desk-harness';
import { closeAndCheck, slackSuite } from '../helpers/slack/with-contract';
import { tempDir } from '../helpers/temp-db';

const { contract, describe: describeSlack } = slackSuite('the nightly retrain tests');

const labels = (n: number, at: Date) =>
  Array.from({ length: n }, (_, i) => [
    {
      text: `the zorblax ${i} wobbles and sputters`,
      complaint: true,
      source: 'slack:opened_case',
      by: 'U0ALICE001',
      at,
    },
    {
      text: `the zorblax ${i} is on sale today`,
      complaint: false,
      source: 'slack:not_a_complaint',
      by: 'U0ALICE001',
      at,
    },
  ]).flat();

describeSlack('the nightly retrain, as the team sees it', () => {
  let h: DeskHarness;
  let models: ReturnType<typeof tempDir>;
  afterEach(async () => {
    useComplaintModelFile(undefined);
    models.cleanup();
    await closeAndCheck(h);
  });

  const deps = (minNewLabels = 20) => ({
    db: h.app.db,
    logger: silentLogger(),
    modelDir: models.dir,
    minNewLabels,
    threshold: 0.5,
    slack: true,
  });
  const teamLines = () => h.fake.workspace.messages.filter((m) => m.channel === TEAM_CHANNEL).map((m) => m.text);

  it('retrains on enough new labels, adopts only what is not worse, and says so once in the team channel', async () => {
    h = await startDeskHarness(contract);
    models = tempDir();
    const at = new Date('2026-12-01T10:00:00Z');
    await h.app.db.label.createMany({ data: labels(15, at) });
    const run = await retrainNightly(deps(), '2026-12-02T02:30:00.000Z', new Date());
    expect(run).toMatchObject({ adopted: true, labels: 30 });
    await h.drainAll();
    const line = teamLines().find((t) => t.includes('Nightly retrain'))!;
    expect(line).toMatch(
      /^:brain: \*Nightly retrain of the complaint model\*: 30 new labels; candidate adopted \(macro-F1 0\.\d{3} → \d\.\d{3} on 30 labels\); the previous model is kept for rollback\.$/,
    );
    const adopted = readModelFile(path.join(models.dir, ACTIVE_MODEL));
    expect(adopted.labelsUpTo).toBe(at.toISOString());
    expect(adopted.trainedOn).toMatchObject({ brand: 30, 'x-fincorp': expect.any(Number) });

    // the same due time again (another instance): no second message
    await retrainNightly(deps(1), '2026-12-02T02:30:00.000Z', new Date());
    await h.drainAll();
    expect(teamLines().filter((t) => t.includes('Nightly retrain'))).toHaveLength(1);
    // the next night: nothing new since the labels it judged
    expect(await retrainNightly(deps(1), 'next-night', new Date())).toEqual({
      skipped: '0 new team labels, fewer than RETRAIN_MIN_NEW_LABELS (1): no retrain',
    });
  });

  it('does not judge the same labels again after keeping the running model', async () => {
    h = await startDeskHarness(contract);
    models = tempDir();
    const at = new Date('2026-12-01T10:00:00Z');
    await h.app.db.label.createMany({ data: labels(15, at) });
    writeLastRetrain(models.dir, { labelsUpTo: at.toISOString(), adopted: false, at: at.toISOString() });
    expect(await retrainNightly(deps(1), 'n1', new Date())).toMatchObject({
      skipped: expect.stringMatching(/^0 new team labels/),
    });
    await h.app.db.label.create({ data: { ...labels(1, new Date('2026-12-02T10:00:00Z'))[0], text: 'a new one' } });
    expect(await retrainNightly(deps(1), 'n2', new Date())).toMatchObject({ labels: 31 });
  });

  it('waits for RETRAIN_MIN_NEW_LABELS labels newer than the running model', async () => {
    h = await startDeskHarness(contract);
    models = tempDir();
    await h.app.db.label.createMany({ data: labels(5, new Date()) });
    expect(await retrainNightly(deps(20), 'd1', new Date())).toEqual({
      skipped: '10 new team labels, fewer than RETRAIN_MIN_NEW_LABELS (20): no retrain',
    });
    await h.drainAll();
    expect(teamLines().some((t) => t.includes('Nightly retrain'))).toBe(false);
  });
});
