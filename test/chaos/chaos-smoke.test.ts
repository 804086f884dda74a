import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { ChaosReport } from '../../chaos/measure-outcomes';
import { DEFAULT_OPTIONS, runChaos } from '../../chaos/run-chaos';

// A short chaos run (`npm run chaos` is the long one): the built bot as a child process against the local
// fakes, a few kill -9s, one storm of each kind of fault (429, 5xx, accepted-but-failed, gateway trouble).
// The first block asserts what the bot always kept; the second, issue 17's exactly-once and recovery
// promises for X and Slack; the strict block (CHAOS_STRICT=1) all of them on every channel, Discord included.
const root = path.resolve(__dirname, '../..');
let report: ChaosReport;

beforeAll(async () => {
  execFileSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'ignore' });
  report = await runChaos(
    {
      ...DEFAULT_OPTIONS,
      durationMs: 30_000,
      // Slack takes about a post a second per channel: the run's cases need most of a minute to drain
      // (the drain ends as soon as nothing is left).
      drainMs: 60_000,
      settleMs: 8_000,
      kills: 4,
      seed: 5,
      rateX: 1.5,
      rateDiscord: 0.6,
      outageMentions: 0,
      stormKinds: [
        'x-accept-drop',
        'x-429',
        'slack-posted-500',
        'slack-429',
        'discord-accepted-500',
        'discord-route-429',
        'discord-invalid-session',
      ],
      stormLengths: {
        'x-accept-drop': 4_000,
        'x-429': 3_000,
        'slack-posted-500': 4_000,
        'slack-429': 3_000,
        'discord-accepted-500': 4_000,
        'discord-route-429': 3_000,
      },
    },
    root,
  );
}, 180_000);

const channel = (name: 'x' | 'discord') => report.channels.find((c) => c.channel === name)!;

describe('chaos smoke: what the bot keeps today', () => {
  it('fed both channels, killed the bot and ran every storm', () => {
    expect(channel('x').fed).toBeGreaterThan(20);
    expect(channel('discord').fed).toBeGreaterThan(5);
    expect(report.kills.total).toBe(4);
    expect(report.lives).toBeGreaterThanOrEqual(5);
    expect(report.channels.flatMap((c) => c.storms).length + report.slack.storms.length).toBe(7);
  });

  it('loses no mention the platform served', () => {
    expect(channel('x').lost).toBe(0);
    expect(channel('discord').lost).toBe(0);
  });

  it('marks no row sent without a post on the platform', () => {
    expect(channel('x').sentWithoutPost).toBe(0);
    expect(channel('discord').sentWithoutPost).toBe(0);
    expect(report.slack.sentWithoutPost).toBe(0);
  });

  it('pings nobody on Discord and answers some complaints on both channels', () => {
    expect(channel('discord').unsafeSends).toBe(0);
    expect(channel('x').repliesPerComplaint.one + channel('x').repliesPerComplaint.more).toBeGreaterThan(0);
    expect(channel('discord').repliesPerComplaint.one + channel('discord').repliesPerComplaint.more).toBeGreaterThan(0);
  });
});

// Issue 17's promises for X and Slack hold, so they are asserted on every run.
describe('chaos smoke: exactly once and recovery for X and Slack (issue 17)', () => {
  it('loses nothing X served and posts exactly one public reply per acknowledged complaint', () => {
    expect(channel('x').lost).toBe(0);
    expect({
      duplicates: channel('x').repliesPerAcknowledged.duplicates,
      missing: channel('x').repliesPerAcknowledged.zero,
    }).toEqual({
      duplicates: 0,
      missing: 0,
    });
  });

  it('posts no case twice in Slack, whichever channel it came from', () => {
    for (const c of report.channels)
      expect({ channel: c.channel, duplicates: c.slackCaseMessages.duplicates }).toEqual({
        channel: c.channel,
        duplicates: 0,
      });
  });

  it('leaves no X row sending after the last restart, and no X or Slack row open once drained', () => {
    expect(channel('x').stuckAfterLastRestart.sending).toBe(0);
    expect(channel('x').stuckAtEnd).toEqual({ sending: 0, due: 0 });
    expect(report.slack.stuckAtEnd).toEqual({ sending: 0, due: 0 });
  });

  it('drains the backlog of every X and Slack storm, and reports every gap it had', () => {
    const storms = [...channel('x').storms, ...report.slack.storms];
    expect(storms.filter((s) => s.drainedAfterS === null).map((s) => s.kind)).toEqual([]);
    expect(report.gaps.detectedLogLines + report.gaps.detectedSlackMessages).toBeGreaterThanOrEqual(
      report.gaps.episodes,
    );
  });

  it("keeps Slack's history reads within its Tier 3 limit", () => {
    expect(report.slack.peakHistoryReadsPerMinute).toBeLessThanOrEqual(report.slack.historyPerMinuteAllowed);
  });
});

// Discord's side (another change) is asserted with CHAOS_STRICT=1 until it holds too.
const strict = process.env.CHAOS_STRICT === '1' ? describe : describe.skip;

strict('chaos smoke, strict (CHAOS_STRICT=1): issue 17 exactly-once and recovery promises', () => {
  it('posts exactly one public reply per acknowledged complaint', () => {
    for (const c of report.channels)
      expect({
        channel: c.channel,
        duplicates: c.repliesPerAcknowledged.duplicates,
        missing: c.repliesPerAcknowledged.zero,
      }).toEqual({ channel: c.channel, duplicates: 0, missing: 0 });
  });

  it('sends no person two DMs and no case two Slack messages', () => {
    expect(channel('discord').dmsPerPerson!.duplicates).toBe(0);
    for (const c of report.channels)
      expect({ channel: c.channel, duplicates: c.slackCaseMessages.duplicates }).toEqual({
        channel: c.channel,
        duplicates: 0,
      });
  });

  it('leaves no row `sending` shortly after the last restart', () => {
    for (const c of report.channels)
      expect({ channel: c.channel, sending: c.stuckAfterLastRestart.sending }).toEqual({
        channel: c.channel,
        sending: 0,
      });
    expect(report.slack.stuckAfterLastRestart.sending).toBe(0);
  });

  it('drains every storm backlog', () => {
    const all = [...report.channels.flatMap((c) => c.storms), ...report.slack.storms];
    expect(all.filter((s) => s.drainedAfterS === null).map((s) => s.kind)).toEqual([]);
  });
});
