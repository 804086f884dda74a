import type { DeskHarness } from './desk-harness';
import { SLACK_CONTRACT, SlackContract } from './slack-contract';

/**
 * Slack's contract for a test file, and the `describe` to use: the real one, or describe.skip with a
 * console warning naming the suite when ../shared/contracts is not beside the checkout.
 */
export function slackSuite(suite: string): { contract: SlackContract; describe: jest.Describe } {
  const contract = SlackContract.load();
  if (!contract) console.warn(`Skipping ${suite}: ${SLACK_CONTRACT} is not beside the checkout.`);
  return { contract: contract!, describe: contract ? describe : describe.skip };
}

/** Stops the harness, then fails the test if any call broke Slack's contract (after closing, so nothing leaks). */
export async function closeAndCheck(h: DeskHarness | undefined): Promise<void> {
  if (!h) return;
  const violations = [...h.fake.violations];
  await h.close();
  expect(violations).toEqual([]);
}
