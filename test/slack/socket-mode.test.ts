import type { WebSocket } from 'ws';
import { CaseAction } from '../../src/slack/slack-ids';
import { ALICE, openPostedCase } from '../helpers/slack/desk-clicks';
import { APP_TOKEN, type DeskHarness, startDeskHarness, TEAM_CHANNEL, waitFor } from '../helpers/slack/desk-harness';
import { buttonClick, slashCommand } from '../helpers/slack/slack-payloads';
import { closeAndCheck, slackSuite } from '../helpers/slack/with-contract';

const { contract, describe: describeSlack } = slackSuite('the Socket Mode tests');

/** Sends one envelope over the Socket Mode connection and resolves with the app's acknowledgement. */
function exchange(
  ws: WebSocket,
  envelope: { envelope_id: string; type: string; payload: unknown; accepts_response_payload: boolean },
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
});
