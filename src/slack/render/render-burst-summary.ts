import type { SlackMessage } from './render-case-message.js';

/** The cases waiting when a burst summary is posted, by topic. */
export interface BurstFacts {
  cases: number;
  topics: Record<string, number>;
  acknowledgementsPaused: boolean;
}

/**
 * The one message a crisis gets in the channel: how many cases arrived and about what; the cases
 * themselves follow in its thread. Points at the kill switch while acknowledgements still go out.
 */
export function renderBurstSummary(facts: BurstFacts, marker: string): SlackMessage {
  const topics = Object.entries(facts.topics)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([topic, n]) => `${topic.replace(/[^\w]/g, ' ').replace(/_/g, ' ')} ${n}`)
    .join(' · ');
  const ack = facts.acknowledgementsPaused
    ? 'Automatic acknowledgements are *paused*.'
    : 'Automatic acknowledgements are *on*; `/mentions pause` stops them if this is a crisis.';
  const text =
    `:rotating_light: *${facts.cases} new cases at once.* To keep ` +
    `the channel readable, each case is posted in this thread: take them from there.`;
  return {
    text: `${facts.cases} new cases at once; they are posted in this thread.`,
    blocks: [
      { type: 'section', block_id: marker, text: { type: 'mrkdwn', verbatim: true, text } },
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', verbatim: true, text: `${topics ? `Topics: ${topics}. ` : ''}${ack}` }],
      },
    ],
  };
}
