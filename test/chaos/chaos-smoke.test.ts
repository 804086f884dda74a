import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { ChaosReport } from '../../chaos/measure-outcomes';
import { DEFAULT_OPTIONS, runChaos } from '../../chaos/run-chaos';

// A short chaos run (`npm run chaos` is the long one): the built bot as a child process against the local
// fakes, a few kill -9s, one storm of each kind of fault (429, 5xx, accepted-but-failed, gateway trouble).
// The first block asserts what today's bot keeps; the strict block (CHAOS_STRICT=1) asserts issue 17's
// promises, which today's bot breaks.
const root = path.resolve(__dirname, '../..');
let report: ChaosReport;

beforeAll(async () => {
  execFileSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'ignore' });
  report = await runChaos(
    {
      ...DEFAULT_OPTIONS,
      durationMs: 30_000,
      drainMs: 12_000,
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
}, 120_000);

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
