import { mention } from '../fixtures';
import { type DeskHarness, TEAM_CHANNEL, waitFor } from './desk-harness';
import { buttonClick } from './slack-payloads';

export const ALICE = 'U0ALICE001';
export const BOB = 'U0BOB00001';
export const CAROL = 'U0CAROL001';
export const MALLORY = 'U0MALLORY1';

/** A case opened by the pipeline and posted to the fake Slack: its id, its message ts and the customer's post. */
export async function openPostedCase(
  h: DeskHarness,
  text = '@lumora my order never arrived and nobody answers. Unacceptable!',
) {
  const [o] = await h.ingest([mention({ text, url: `https://x.com/someone/status/${Date.now()}` })]);
  await h.drainAll();
  const c = await h.app.db.case.findUniqueOrThrow({ where: { id: o.caseId! } });
  return { caseId: c.id, ts: c.slackTs!, outcome: o };
}

/** Someone clicks a button on the case's top message. */
export function click(h: DeskHarness, userId: string, actionId: string, value: number, messageTs: string) {
  return h.interact(
    buttonClick({
      userId,
      actionId,
      value: String(value),
      channel: TEAM_CHANNEL,
      messageTs,
      responseUrl: `${h.fake.baseUrl}/respond/${userId}`,
    }),
  );
}

/** The thread lines posted for a case (replies to its message). */
export function threadLines(h: DeskHarness, ts: string): string[] {
  return h.fake.workspace
    .thread(TEAM_CHANNEL, ts)
    .filter((m) => m.ts !== ts)
    .map((m) => m.text);
}

/**
 * The thread lines of people's actions: without the bot's "… sent on X" notes, which appear only when a
 * case message was posted before its acknowledgement went out (channels are drained side by side, so
 * whether it was is a matter of timing, not of the action under test).
 */
export function actionLines(h: DeskHarness, ts: string): string[] {
  return threadLines(h, ts).filter((line) => !/^:robot_face: .* sent on /.test(line));
}

/** The case's top message as it stands in the fake Slack now (after chat.update calls). */
export function topMessage(h: DeskHarness, ts: string): string {
  const m = h.fake.workspace.messages.find((x) => x.channel === TEAM_CHANNEL && x.ts === ts)!;
  return JSON.stringify(m.blocks);
}

/** Ephemeral messages shown to one person. */
export function ephemeralsFor(h: DeskHarness, userId: string): string[] {
  return h.fake.workspace.ephemerals.filter((e) => e.user === userId).map((e) => e.text);
}

/** Waits for the next ephemeral message shown to one person (handlers answer after their ack). */
export async function nextEphemeral(h: DeskHarness, userId: string, seen = 0): Promise<string> {
  return waitFor(`an ephemeral message for ${userId}`, () => ephemeralsFor(h, userId)[seen]);
}
