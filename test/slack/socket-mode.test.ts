import type { WebSocket } from 'ws';
import { CaseAction } from '../../src/slack/slack-ids';
import { ALICE, openPostedCase } from '../helpers/slack/desk-clicks';
import { APP_TOKEN, type DeskHarness, startDeskHarness, TEAM_CHANNEL, waitFor } from '../helpers/slack/desk-harness';
import { buttonClick, eventEnvelope, homeOpened, slashCommand } from '../helpers/slack/slack-payloads';
import { closeAndCheck, slackSuite } from '../helpers/slack/with-contract';

const OTHER = 'U0OTHER001';
const { contract, describe: describeSlack } = slackSuite('the Socket Mode tests');

/** Sends one envelope over the Socket Mode connection and resolves with the app's acknowledgement. */
function exchange(
  ws: WebSocket,
  envelope: {
    envelope_id: string;
    type: string;
    payload: unknown;
    accepts_response_payload: boolean;
    retry_attempt?: number;
    retry_reason?: string;
  },
): Promise<any> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      const message = JSON.parse(data.toString());
      if (message.envelope_id !== envelope.envelope_id) return;
      ws.off('message', onMessage);
      resolve(message);
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify(envelope));
  });
}

describeSlack('the desk in Socket Mode (no public URL)', () => {
  let h: DeskHarness;
  afterEach(() => closeAndCheck(h));

  it('connects with the app token and serves slash commands and buttons over the socket', async () => {
    h = await startDeskHarness(contract, { SLACK_APP_TOKEN: APP_TOKEN });
    // Start-up resolved only after the app opened its connection and got Slack's hello.
    const [ws] = [...h.fake.sockets.clients] as WebSocket[];
    expect(ws).toBeDefined();
    expect(h.desk.mode).toBe('socket');
    expect(h.desk.port).toBeUndefined();
    expect(h.fake.callsTo('apps.connections.open')).toHaveLength(1);
    h.fake.workspace.members = [ALICE];

    const ack = await exchange(ws, {
      envelope_id: 'env-1',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: slashCommand({
        userId: ALICE,
        text: 'status',
        channel: TEAM_CHANNEL,
        responseUrl: `${h.fake.baseUrl}/respond/a`,
      }),
    });
    expect(ack.payload).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('*Desk status*: 0 open cases'),
    });

    const { caseId, ts } = await openPostedCase(h);
    await exchange(ws, {
      envelope_id: 'env-2',
      type: 'interactive',
      accepts_response_payload: false,
      payload: buttonClick({
        userId: ALICE,
        actionId: CaseAction.Claim,
        value: String(caseId),
        channel: TEAM_CHANNEL,
        messageTs: ts,
        responseUrl: `${h.fake.baseUrl}/respond/a`,
      }),
    });
    await waitFor(
      'the claim',
      async () => (await h.app.db.case.findUniqueOrThrow({ where: { id: caseId } })).ownerSlackId === ALICE,
    );
  });

  it('handles an event redelivered over the socket once (same event_id, new envelope, retry_attempt 1)', async () => {
    h = await startDeskHarness(contract, { SLACK_APP_TOKEN: APP_TOKEN });
    const [ws] = [...h.fake.sockets.clients] as WebSocket[];
    h.fake.workspace.members = [ALICE];
    const payload = eventEnvelope(homeOpened(ALICE));
    const first = { envelope_id: 'env-e1', type: 'events_api', accepts_response_payload: false, payload };
    expect((await exchange(ws, first)).envelope_id).toBe('env-e1');
    await waitFor('the home view', () => h.fake.callsTo('views.publish')[0]);
    const retry = { ...first, envelope_id: 'env-e2', retry_attempt: 1, retry_reason: 'timeout' };
    expect((await exchange(ws, retry)).envelope_id).toBe('env-e2');
    // A different event afterwards is served: the retry was skipped, not stuck in front of it.
    await exchange(ws, { ...first, envelope_id: 'env-e3', payload: eventEnvelope(homeOpened(OTHER)) });
    await waitFor('the next home view', () => h.fake.callsTo('views.publish').find((c) => c.params.user_id === OTHER));
    // Published in order: a retry acted on would have published for ALICE again before OTHER's.
    expect(h.fake.callsTo('views.publish').map((c) => c.params.user_id)).toEqual([ALICE, OTHER]);
  });
});
