import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BotProcess } from './bot-process';
import { BOT_TOKEN, FakeDiscordPlatform, SUPPORT } from './fake-discord-platform';
import { FakeSlackPlatform } from './fake-slack-platform';
import { FakeXPlatform, type XUser } from './fake-x-platform';
import { type MentionKind, mentionGenerator } from './generate-mentions';
import { type ChaosReport, measureOutcomes } from './measure-outcomes';
import { readBotDb, stuckRows } from './read-bot-db';
import { createRandom } from './seeded-random';
import { Faults, type Platform, planStorms, type Storm, type StormKind } from './storm-schedule';

/** Everything a chaos run can be told (the CLI flags map onto these). */
export interface ChaosOptions {
  /** Length of the chaos phase (traffic, storms, kills), ms. */
  durationMs: number;
  /** Longest final drain after the last restart, ms. */
  drainMs: number;
  /** kill -9 count during the chaos phase. */
  kills: number;
  seed: number;
  /** Storms to inflict: x, slack, discord. X and Discord also say which channels get traffic. */
  scenarios: Platform[];
  /** Mentions per second fed to X and to Discord. */
  rateX: number;
  rateDiscord: number;
  /** Extra mentions fed during the X outage (more than the 800 the timeline keeps). */
  outageMentions: number;
  /** X's 15-minute rate window on this run's clock, ms. */
  xWindowMs: number;
  /** Whether the X account has recent search (to fill a gap). */
  xSearch: boolean;
  /** Scale of Slack's one-minute windows (1 = Slack's real limits). */
  slackScale: number;
  slackHistoryPerMinute: number;
  discordRouteLimit: number;
  discordRouteWindowMs: number;
  discordNonceMemoryMs: number;
  /** Only these storms (default: every kind of the chosen scenarios). */
  stormKinds?: StormKind[];
  /** How long after the last restart the stuck rows are counted, ms (30 s in the issue). */
  settleMs?: number;
  /** Storm lengths that differ from the defaults. */
  stormLengths?: Partial<Record<StormKind, number>>;
  /** Where the database and the bot's log go (a fresh temp folder if unset). */
  workDir?: string;
  /** Progress lines (stderr in the CLI). */
  progress?: (line: string) => void;
}

export const DEFAULT_OPTIONS: ChaosOptions = {
  durationMs: 420_000,
  drainMs: 120_000,
  kills: 60,
  seed: 17,
  scenarios: ['x', 'slack', 'discord'],
  rateX: 0.8,
  rateDiscord: 0.3,
  outageMentions: 1_000,
  xWindowMs: 60_000,
  xSearch: true,
  slackScale: 1,
  slackHistoryPerMinute: 50,
  discordRouteLimit: 5,
  discordRouteWindowMs: 5_000,
  discordNonceMemoryMs: 180_000,
};

/** A mention the harness fed, with its ground truth. */
export interface FedMention {
  platform: 'x' | 'discord';
  id: string;
  tag: string;
  kind: MentionKind;
  atMs: number;
  authorId: string;
}

const BRAND: XUser = { id: '1500000000000000001', username: 'lumora', name: 'Lumora' };
const SLACK_TOKEN = 'xoxb-chaos-0000000000-000000000000-chaoschaoschaoschaos';
const SLACK_CHANNEL = 'C0CHAOSDESK';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs one chaos scenario against the built bot (run `npm run build` first) and measures it. */
export async function runChaos(o: ChaosOptions, repoRoot = path.resolve(__dirname, '..')): Promise<ChaosReport> {
  const say = o.progress ?? (() => undefined);
  const random = createRandom(o.seed);
  const workDir = o.workDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'md-chaos-'));
  const dbFile = path.join(workDir, 'chaos.db');
  const feedX = o.scenarios.includes('x') || !o.scenarios.includes('discord');
  const feedDiscord = o.scenarios.includes('discord');
  const startedAt = Date.now();
  const stormFrom = Math.round(o.durationMs * 0.08);
  const stormTo = Math.round(o.durationMs * 0.85);
  const storms: Storm[] = planStorms(o.scenarios, stormFrom, stormTo, o.stormLengths, o.stormKinds);
  const faults = new Faults(storms, startedAt);

  let bot!: BotProcess;
  const onSend = () => bot?.sendAccepted();
  const x = new FakeXPlatform({
    faults,
    brand: BRAND,
    windowMs: o.xWindowMs,
    searchAvailable: o.xSearch,
    onCreate: onSend,
  });
  const slack = new FakeSlackPlatform({
    faults,
    token: SLACK_TOKEN,
    channelId: SLACK_CHANNEL,
    windowScale: o.slackScale,
    historyPerMinute: o.slackHistoryPerMinute,
    onPost: onSend,
  });
  const discord = new FakeDiscordPlatform({
    faults,
    routeLimit: o.discordRouteLimit,
    routeWindowMs: o.discordRouteWindowMs,
    globalPerSecond: 50,
    nonceMemoryMs: o.discordNonceMemoryMs,
    heartbeatIntervalMs: 41_250,
    onCreate: onSend,
  });
  await Promise.all([x.start(), slack.start(), discord.start()]);

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: workDir,
    TMPDIR: os.tmpdir(),
    NODE_ENV: 'production',
    DATABASE_URL: `file:${dbFile}`,
    LOG_LEVEL: 'info',
    BRAND_NAME: 'Lumora',
    BRAND_HANDLES: 'lumora',
    BRAND_KEYWORDS: 'lumora',
    SLACK_BOT_TOKEN: SLACK_TOKEN,
    SLACK_SIGNING_SECRET: 'chaos-signing-secret-0000000000000000',
    SLACK_CHANNEL_ID: SLACK_CHANNEL,
    SLACK_API_URL: slack.url,
    SLACK_HTTP_PORT: '0',
    SLACK_HTTP_HOST: '127.0.0.1',
    X_DAILY_BUDGET_USD: '100000',
  };
  if (feedX) {
    Object.assign(env, {
      X_API_KEY: 'chaos-app-key',
      X_API_SECRET: 'chaos-app-secret',
      X_ACCESS_TOKEN: `${BRAND.id}-chaostoken`,
      X_ACCESS_SECRET: 'chaos-token-secret',
      X_BRAND_USER_ID: BRAND.id,
      X_API_BASE_URL: x.url,
      X_POLL_INTERVAL_SECONDS: '5',
      X_READ_DMS: 'false',
    });
  }
  if (feedDiscord) {
    Object.assign(env, {
      DISCORD_BOT_TOKEN: BOT_TOKEN,
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_GATEWAY_URL: discord.gatewayUrl,
      DISCORD_CHANNEL_IDS: SUPPORT,
    });
  }
  bot = new BotProcess(repoRoot, env, path.join(workDir, 'bot.log'));
  say(`chaos: work dir ${workDir}; X ${x.url}, Slack ${slack.url}, Discord ${discord.apiUrl} / ${discord.gatewayUrl}`);
  say(
    `chaos: ${storms.length} storms, ${o.kills} kills over ${Math.round(o.durationMs / 1000)} s, then a drain of up to ${Math.round(o.drainMs / 1000)} s`,
  );

  // Traffic: distinct mentions at the configured rates; during the X outage, a spike deeper than the timeline.
  const fed: FedMention[] = [];
  const nextX = mentionGenerator(random, 'XM');
  const nextD = mentionGenerator(random, 'DM');
  const outage = storms.find((s) => s.kind === 'x-outage');
  let owedX = 0;
  let owedD = 0;
  const feedTick = 100;
  const feeder = setInterval(() => {
    if (faults.elapsed() >= o.durationMs) return;
    const inOutage = outage && faults.active('x-outage');
    const spike = inOutage ? o.outageMentions / (outage.endMs - outage.startMs) : 0;
    if (feedX) owedX += (o.rateX / 1000 + spike) * feedTick;
    if (feedDiscord) owedD += (o.rateDiscord / 1000) * feedTick;
    for (; owedX >= 1; owedX--) {
      // In the spike, mostly chatter: the point is the depth of the timeline, not the size of the queue.
      const g = nextX(
        inOutage ? (random.chance(0.1) ? 'complaint' : random.chance(0.95) ? 'praise' : 'question') : undefined,
      );
      const author = x.user(g.handle, g.name);
      const p = x.post(author, `@lumora ${g.body}`);
      fed.push({ platform: 'x', id: p.id, tag: g.tag, kind: g.kind, atMs: p.atMs, authorId: author.id });
    }
    for (; owedD >= 1; owedD--) {
      const g = nextD();
      const member = discord.member(g.handle, g.name);
      const address = random.chance(0.7) ? `<@1180000000000000001> ` : 'lumora ';
      const m = discord.post(member, `${address}${g.body}`);
      fed.push({
        platform: 'discord',
        id: m.id,
        tag: g.tag,
        kind: g.kind,
        atMs: Date.parse(m.timestamp),
        authorId: member.id,
      });
    }
  }, feedTick);

  // Kills: each life ends at a random moment, during start-up, on an accepted send, or after a while.
  const cycleMs = o.kills > 0 ? o.durationMs / o.kills : o.durationMs;
  let kills = 0;
  while (faults.elapsed() < o.durationMs && kills < o.kills) {
    bot.start();
    const mode = random.next();
    if (mode < 0.25) {
      await sleep(random.int(150, 1_500));
      await bot.kill('startup');
    } else if (mode < 0.55) {
      await sleep(random.int(1_500, 3_000));
      await bot.armKillOnSend(Math.max(2_000, cycleMs * 1.5));
    } else {
      await sleep(random.between(0.4, 1.6) * Math.max(1_500, cycleMs - 1_500));
      await bot.kill('uptime');
    }
    kills++;
    if (kills % 10 === 0)
      say(`chaos: ${kills} kills, ${fed.length} mentions fed, ${Math.round(faults.elapsed() / 1000)} s`);
    await sleep(random.int(300, 2_500));
  }
  if (!bot.running) bot.start();
  const restLeft = o.durationMs - faults.elapsed();
  if (restLeft > 0) await sleep(restLeft);
  clearInterval(feeder);

  // The last crash and restart, then the drain: what is still stuck 30 s later?
  say(`chaos: chaos phase over (${kills} kills); last kill -9 and restart`);
  await bot.kill('final');
  await sleep(1_000);
  const lastRestartAt = Date.now();
  bot.start();
  await sleep(o.settleMs ?? 30_000);
  const stuck30 = stuckRows(readBotDb(dbFile));
  const drainUntil = lastRestartAt + o.drainMs;
  let quietChecks = 0;
  while (Date.now() < drainUntil) {
    await sleep(5_000);
    const now = Date.now();
    const rows = readBotDb(dbFile).outbound;
    const open = rows.filter((r) => r.status === 'sending' || (r.status === 'pending' && r.notBeforeMs <= drainUntil));
    quietChecks = open.length === 0 ? quietChecks + 1 : 0;
    if (quietChecks >= 2) break;
    void now;
  }
  await bot.kill('final');
  const endedAt = Date.now();
  const snapshot = readBotDb(dbFile);
  await bot.close();
  await Promise.all([x.stop(), slack.stop(), discord.stop()]);
  const logText = fs.readFileSync(bot.logFile, 'utf8');
  return measureOutcomes({
    options: o,
    startedAt,
    endedAt,
    lastRestartAt,
    storms,
    faults,
    fed,
    x,
    slack,
    discord,
    snapshot,
    stuck30,
    lives: bot.lives,
    logText,
    workDir,
    feedX,
    feedDiscord,
  });
}
