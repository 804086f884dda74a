// `npm run chaos [-- --duration 420 --kills 60 --seed 17 --scenarios x,slack,discord --json]`: builds the bot,
// runs it as a child process against local fakes of X, Slack and Discord with kill -9s and storms, prints one table.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { renderTable } from './render-table';
import { type ChaosOptions, DEFAULT_OPTIONS, runChaos } from './run-chaos';
import type { Platform } from './storm-schedule';

const HELP = `npm run chaos -- [flags]
  --duration S        seconds of chaos (traffic, storms, kills), default ${DEFAULT_OPTIONS.durationMs / 1000}
  --drain S           longest final drain after the last restart, default ${DEFAULT_OPTIONS.drainMs / 1000}
  --kills N           kill -9 count, default ${DEFAULT_OPTIONS.kills}
  --seed N            traffic, storm and kill moments, default ${DEFAULT_OPTIONS.seed}
  --scenarios LIST    storms of x,slack,discord (x and discord also get traffic), default x,slack,discord
  --rate-x N          X mentions per second, default ${DEFAULT_OPTIONS.rateX}
  --rate-discord N    Discord messages per second, default ${DEFAULT_OPTIONS.rateDiscord}
  --outage-mentions N mentions posted during the X outage, default ${DEFAULT_OPTIONS.outageMentions}
  --x-window S        X's 15-minute rate window on the run's clock, default ${DEFAULT_OPTIONS.xWindowMs / 1000}
  --no-x-search       the X account has no recent search
  --slack-scale F     scale of Slack's one-minute windows, default ${DEFAULT_OPTIONS.slackScale} (Slack's real limits)
  --slack-history N   conversations.history/replies per minute, default ${DEFAULT_OPTIONS.slackHistoryPerMinute} (Tier 3)
  --discord-limit N   requests per route per window, default ${DEFAULT_OPTIONS.discordRouteLimit} (per ${DEFAULT_OPTIONS.discordRouteWindowMs / 1000} s)
  --no-build          skip npm run build
  --json              the report as one JSON object instead of the table`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string' },
      drain: { type: 'string' },
      kills: { type: 'string' },
      seed: { type: 'string' },
      scenarios: { type: 'string' },
      'rate-x': { type: 'string' },
      'rate-discord': { type: 'string' },
      'outage-mentions': { type: 'string' },
      'x-window': { type: 'string' },
      'no-x-search': { type: 'boolean' },
      'slack-scale': { type: 'string' },
      'slack-history': { type: 'string' },
      'discord-limit': { type: 'string' },
      'no-build': { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const num = (v: string | undefined, fallback: number, name: string) => {
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number >= 0 (got "${v}")`);
    return n;
  };
  const scenarios = (values.scenarios ?? 'x,slack,discord')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = scenarios.filter((s) => !['x', 'slack', 'discord'].includes(s));
  if (bad.length) throw new Error(`--scenarios takes x, slack, discord (got ${bad.join(', ')})`);
  const o: ChaosOptions = {
    ...DEFAULT_OPTIONS,
    durationMs: num(values.duration, DEFAULT_OPTIONS.durationMs / 1000, 'duration') * 1000,
    drainMs: num(values.drain, DEFAULT_OPTIONS.drainMs / 1000, 'drain') * 1000,
    kills: Math.round(num(values.kills, DEFAULT_OPTIONS.kills, 'kills')),
    seed: Math.round(num(values.seed, DEFAULT_OPTIONS.seed, 'seed')),
    scenarios: scenarios as Platform[],
    rateX: num(values['rate-x'], DEFAULT_OPTIONS.rateX, 'rate-x'),
    rateDiscord: num(values['rate-discord'], DEFAULT_OPTIONS.rateDiscord, 'rate-discord'),
    outageMentions: num(values['outage-mentions'], DEFAULT_OPTIONS.outageMentions, 'outage-mentions'),
    xWindowMs: num(values['x-window'], DEFAULT_OPTIONS.xWindowMs / 1000, 'x-window') * 1000,
    xSearch: !values['no-x-search'],
    slackScale: num(values['slack-scale'], DEFAULT_OPTIONS.slackScale, 'slack-scale'),
    slackHistoryPerMinute: num(values['slack-history'], DEFAULT_OPTIONS.slackHistoryPerMinute, 'slack-history'),
    discordRouteLimit: num(values['discord-limit'], DEFAULT_OPTIONS.discordRouteLimit, 'discord-limit'),
    progress: (line) => process.stderr.write(`${line}\n`),
  };
  const root = path.resolve(__dirname, '..');
  if (!values['no-build']) execFileSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
  // A hard bound: whatever happens, the run stops (and its bot with it) a little after its planned end.
  setTimeout(
    () => {
      console.error('chaos: the run took far longer than planned; stopping');
      process.exit(1);
    },
    o.durationMs + o.drainMs + 120_000,
  ).unref();
  const report = await runChaos(o, root);
  console.log(values.json ? JSON.stringify(report) : renderTable(report));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`chaos: ${(error as Error).message}`);
    process.exit(1);
  },
);
