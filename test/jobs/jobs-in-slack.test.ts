import { rulesOf } from '../../src/app/known-channels';
import { loadConfig } from '../../src/config/load-config';
import { escalateSla } from '../../src/jobs/escalate-sla';
import { sendFollowUps } from '../../src/jobs/send-follow-ups';
import { mention } from '../helpers/fixtures';
import { prompts } from '../helpers/pipeline-deps';
import { openPostedCase, threadLines, topMessage } from '../helpers/slack/desk-clicks';
import { type DeskHarness, startDeskHarness } from '../helpers/slack/desk-harness';
import { closeAndCheck, slackSuite } from '../helpers/slack/with-contract';

const { contract, describe: describeSlack } = slackSuite('the jobs-in-Slack tests');
const allDay = loadConfig({
  BUSINESS_HOURS: '00:00-24:00',
  BUSINESS_DAYS: 'mon-sun',
  SLA_UNCLAIMED_MINUTES: '30',
}).jobs;

describeSlack('scheduled jobs as the team sees them in Slack', () => {
  let h: DeskHarness;
  afterEach(() => closeAndCheck(h));

  it('an SLA escalation pings on-call in the thread and marks the top message', async () => {
    h = await startDeskHarness(contract, { SLACK_ONCALL: 'S0ONCALL01' });
    const c = await openPostedCase(h);
    await h.app.db.case.update({ where: { id: c.caseId }, data: { openedAt: new Date(Date.now() - 31 * 60_000) } });
    expect(await escalateSla(h.app.db, allDay, new Date(), h.config.slack!.onCall)).toEqual([c.caseId]);
    await h.drainAll();
    const line = threadLines(h, c.ts).find((l) => l.includes('SLA breached'))!;
    expect(line).toMatch(
      /^:rotating_light: SLA breached \(1×\): unclaimed for 3\dm of business time \(limit 30m\)\. <!subteam\^S0ONCALL01>, please take a look\.$/,
    );
    expect(topMessage(h, c.ts)).toContain('SLA escalated 1×');
  });

  it('a follow-up goes to the customer, its answer becomes the rating on the top message', async () => {
    h = await startDeskHarness(contract);
    const author = { id: 'cust-1', handle: 'kim', name: 'Kim' };
    const [o] = await h.ingest([mention({ author })]);
    await h.drainAll();
    const c = await h.app.db.case.update({
      where: { id: o.caseId! },
      data: { status: 'resolved', resolvedAt: new Date(), followUpDueAt: new Date(Date.now() - 1000) },
    });
    expect(
      await sendFollowUps({ db: h.app.db, prompts, brandName: 'Lumora', channelRules: rulesOf }, new Date()),
    ).toEqual([c.id]);
    await h.drainAll();
    const followUp = h.customer.sent.find((r) => r.idempotencyKey === `followup:${c.id}`)!;
    expect(followUp.text).toMatch(/Kim/);
    expect(
      threadLines(h, c.slackTs!).some((l) => l.includes('How did we do?') && l.includes('as a public reply')),
    ).toBe(true);
    expect(topMessage(h, c.slackTs!)).toContain('follow-up sent');

    await h.ingest([mention({ author, text: '@lumora 5/5 sorted in an hour, thanks' })]);
    await h.drainAll();
    expect(topMessage(h, c.slackTs!)).toContain('rated *5/5*');
  });
});
