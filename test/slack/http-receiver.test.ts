import http from 'node:http';
import { CaseStatus } from '../../src/core/case-status';
import { MAX_SLACK_BODY_BYTES, refuseByHeaders } from '../../src/slack/create-http-receiver';
import { CaseAction } from '../../src/slack/slack-ids';
import { ALICE, openPostedCase } from '../helpers/slack/desk-clicks';
import {
  type DeskHarness,
  SIGNING_SECRET,
  startDeskHarness,
  TEAM_CHANNEL,
  waitFor,
} from '../helpers/slack/desk-harness';
import { FORM, formBody, interactiveBody, JSON_TYPE, signSlack } from '../helpers/slack/signed-request';
import { buttonClick, eventEnvelope, homeOpened, slashCommand } from '../helpers/slack/slack-payloads';
import { closeAndCheck, slackSuite } from '../helpers/slack/with-contract';

const OTHER = 'U0OTHER001';
const { contract, describe: describeSlack } = slackSuite('the Slack HTTP receiver tests');

/**
 * A POST to the running receiver, written by hand: `send` writes the body (or part of it) and may
 * leave the request open; the answer is awaited without ending the body, so an answer that arrives
 * proves the receiver did not wait for the whole body.
 */
function rawPost(
  url: string,
  headers: Record<string, string | number>,
  send: (req: http.ClientRequest) => Promise<void>,
): Promise<{ status: number; bodyBytesWritten: number }> {
  return new Promise((resolve, reject) => {
    let written = 0;
    const req = http.request(url, { method: 'POST', headers }, (res) => {
      res.resume();
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, bodyBytesWritten: written });
        req.destroy();
      });
    });
    req.on('error', reject);
    // A receiver that waits for the whole body never answers: fail instead of hanging.
    req.setTimeout(5000, () => reject(new Error('no answer within 5 s: the receiver is waiting for the whole body')));
    const write = req.write.bind(req);
    (req as { write: unknown }).write = (chunk: Buffer, ...rest: unknown[]) => {
      written += chunk.length;
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    };
    req.flushHeaders();
    send(req).catch(reject);
  });
}

const writeChunks = async (req: http.ClientRequest, total: number) => {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  for (let sent = 0; sent < total && !req.destroyed; sent += chunk.length) {
    if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
  }
};

describe('refuseByHeaders', () => {
  const now = Date.UTC(2026, 11, 3, 12, 0, 0);
  const at = (offsetSeconds: number) => ({ 'x-slack-request-timestamp': String(now / 1000 + offsetSeconds) });

  it('refuses timestamps more than five minutes away in either direction', () => {
    expect(refuseByHeaders(at(10 * 60), now)).toMatchObject({ status: 401, reason: expect.stringContaining('ahead') });
    expect(refuseByHeaders(at(-6 * 60), now)).toMatchObject({ status: 401, reason: expect.stringContaining('behind') });
    expect(refuseByHeaders(at(299), now)).toBeNull();
    expect(refuseByHeaders(at(-299), now)).toBeNull();
  });

  it('refuses a declared length over 1 MB, and leaves headers Bolt refuses to Bolt', () => {
    expect(refuseByHeaders({ 'content-length': String(MAX_SLACK_BODY_BYTES + 1) }, now)).toMatchObject({ status: 413 });
    expect(refuseByHeaders({ 'content-length': String(MAX_SLACK_BODY_BYTES) }, now)).toBeNull();
    expect(refuseByHeaders({ 'x-slack-request-timestamp': 'soon' }, now)).toBeNull();
  });
});

describeSlack('the Slack desk in HTTP mode, on 127.0.0.1', () => {
  let h: DeskHarness;
  beforeEach(async () => {
    h = await startDeskHarness(contract);
    h.fake.workspace.members = [ALICE, 'U0BOTUSER1'];
  });
  afterEach(() => closeAndCheck(h));

  const pause = () =>
    slashCommand({ userId: ALICE, text: 'pause', channel: TEAM_CHANNEL, responseUrl: `${h.fake.baseUrl}/r/a` });
  const paused = async () => (await h.app.db.setting.findUnique({ where: { key: 'acknowledgements_paused' } }))?.value;

  it('refuses a correctly signed request timestamped 10 minutes in the future; 4 minutes ahead is fine', async () => {
    const future = await h.command(pause(), { timestamp: Math.floor(Date.now() / 1000) + 10 * 60 });
    expect(future.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(await paused()).toBeUndefined();
    expect(h.fake.calls.filter((c) => c.method !== 'auth.test')).toHaveLength(0);

    const skewed = await h.command(pause(), { timestamp: Math.floor(Date.now() / 1000) + 4 * 60 });
    expect(skewed.status).toBe(200);
    expect(await paused()).toBe('true');
  });

  it('answers 413 to a declared 4 MB body before any of it is sent', async () => {
    const answer = await rawPost(
      h.eventsUrl,
      { 'content-type': FORM, 'content-length': 4 * 1024 * 1024 },
      async () => undefined, // headers only: the answer must not wait for the body
    );
    expect(answer).toEqual({ status: 413, bodyBytesWritten: 0 });
  });

  it('counts a streamed body as it arrives: 413 once it passes 1 MB, while the sender is still sending', async () => {
    const answer = await rawPost(h.eventsUrl, { 'content-type': FORM, 'transfer-encoding': 'chunked' }, (req) =>
      // Never ended: only a receiver that counts as it reads can answer.
      writeChunks(req, MAX_SLACK_BODY_BYTES + 256 * 1024),
    );
    expect(answer.status).toBe(413);
    expect(answer.bodyBytesWritten).toBeLessThan(2 * MAX_SLACK_BODY_BYTES);
  });

  it('still serves a signed request that fits, and 404 for a path it does not serve', async () => {
    const body = formBody(pause());
    const ts = Math.floor(Date.now() / 1000);
    const ok = await fetch(h.eventsUrl, {
      method: 'POST',
      body,
      headers: {
        'content-type': FORM,
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': signSlack(SIGNING_SECRET, ts, body),
      },
    });
    expect(ok.status).toBe(200);
    expect(await paused()).toBe('true');
    const missing = await fetch(h.eventsUrl.replace('/slack/events', '/nope'), { method: 'POST', body: 'x' });
    expect(missing.status).toBe(404);
  });

  it('refuses a captured /mentions pause sent again within five minutes, after someone ran resume', async () => {
    const captured = pause();
    const at = Math.floor(Date.now() / 1000);
    expect((await h.command(captured, { timestamp: at })).json.text).toContain('*paused*');
    expect((await h.command({ ...pause(), text: 'resume' })).json.text).toContain('on* again');
    await h.drainAll();
    const notices = h.fake.workspace.topLevel(TEAM_CHANNEL).length;

    // The very same signed bytes (same timestamp, same trigger id): a valid signature, a replay.
    const replay = await h.command(captured, { timestamp: at });
    expect(replay.status).toBe(200);
    expect(replay.json).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('already handled') });
    expect(await paused()).toBe('false');
    await h.drainAll();
    expect(h.fake.workspace.topLevel(TEAM_CHANNEL)).toHaveLength(notices);
    expect(await h.app.db.slackRequestSeen.count({ where: { triggerId: captured.trigger_id } })).toBe(1);
  });

  it('handles an Events API delivery once: a Slack retry (new timestamp, X-Slack-Retry-Num) is acknowledged, not redone', async () => {
    const body = JSON.stringify(eventEnvelope(homeOpened(ALICE)));
    const deliver = async (ts: number, retry?: number) =>
      fetch(h.eventsUrl, {
        method: 'POST',
        body,
        headers: {
          'content-type': JSON_TYPE,
          'x-slack-request-timestamp': String(ts),
          'x-slack-signature': signSlack(SIGNING_SECRET, ts, body),
          ...(retry ? { 'x-slack-retry-num': String(retry), 'x-slack-retry-reason': 'http_timeout' } : {}),
        },
      });
    const now = Math.floor(Date.now() / 1000);
    expect((await deliver(now)).status).toBe(200);
    await waitFor('the home view', () => h.fake.callsTo('views.publish')[0]);
    // Slack re-signs each retry with a fresh timestamp: the signature check alone would pass it.
    expect((await deliver(now + 60, 1)).status).toBe(200);
    expect((await deliver(now + 120, 2)).status).toBe(200);
    // A later, different event is still served, proving the app was listening all along.
    const other = JSON.stringify(eventEnvelope(homeOpened(OTHER)));
    const ts = Math.floor(Date.now() / 1000);
    await fetch(h.eventsUrl, {
      method: 'POST',
      body: other,
      headers: {
        'content-type': JSON_TYPE,
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': signSlack(SIGNING_SECRET, ts, other),
      },
    });
    await waitFor('the second home view', () =>
      h.fake.callsTo('views.publish').find((c) => c.params.user_id === OTHER),
    );
    // Published in order: a retry acted on would have published for ALICE again before OTHER's.
    expect(h.fake.callsTo('views.publish').map((c) => c.params.user_id)).toEqual([ALICE, OTHER]);
    const eventId = JSON.parse(body).event_id;
    expect(await h.app.db.slackRequestSeen.count({ where: { triggerId: `event:${eventId}` } })).toBe(1);
  });

  it('refuses a captured button click that carries no trigger id, by who clicked what and when', async () => {
    const { caseId, ts } = await openPostedCase(h);
    const { trigger_id: _none, ...click } = buttonClick({
      userId: ALICE,
      actionId: CaseAction.Claim,
      value: String(caseId),
      channel: TEAM_CHANNEL,
      messageTs: ts,
      responseUrl: `${h.fake.baseUrl}/respond/a`,
    });
    click.actions[0].action_ts = `${Math.floor(Date.now() / 1000)}.424242`;
    const body = interactiveBody(click);
    const at = Math.floor(Date.now() / 1000);
    const post = () =>
      fetch(h.eventsUrl, {
        method: 'POST',
        body,
        headers: {
          'content-type': FORM,
          'x-slack-request-timestamp': String(at),
          'x-slack-signature': signSlack(SIGNING_SECRET, at, body),
        },
      });
    const owner = async () => (await h.app.db.case.findUniqueOrThrow({ where: { id: caseId } })).ownerSlackId;
    expect((await post()).status).toBe(200);
    await waitFor('the claim', async () => (await owner()) === ALICE);
    // Released meanwhile: the replayed click would claim it again.
    await h.app.db.case.update({ where: { id: caseId }, data: { ownerSlackId: null, status: CaseStatus.Open } });
    expect((await post()).status).toBe(200);
    // Bolt answers before a handler finishes: give a wrongly accepted replay time to act.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await h.drainAll();
    expect(await owner()).toBeNull();
  });
});
