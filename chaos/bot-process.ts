import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** One life of the bot: when it started, when it said it was watching, how it ended. */
export interface BotLife {
  pid: number;
  startedAt: number;
  readyAt?: number;
  endedAt?: number;
  killedBy?: 'startup' | 'send' | 'uptime' | 'final';
  exitCode?: number | null;
}

/**
 * Runs `node bin/mention-desk.js run` as a child process with only the given environment (nothing of
 * the harness's own), appends its output to one log file, and kills it with SIGKILL on request.
 */
export class BotProcess {
  readonly lives: BotLife[] = [];
  private child?: ChildProcess;
  private current?: BotLife;
  private readonly log: fs.WriteStream;
  private armedForSend?: () => void;

  constructor(
    private readonly repoRoot: string,
    private readonly env: Record<string, string>,
    readonly logFile: string,
  ) {
    this.log = fs.createWriteStream(logFile, { flags: 'a' });
  }

  get running(): boolean {
    return !!this.child && this.current?.endedAt === undefined;
  }

  get life(): BotLife | undefined {
    return this.current;
  }

  start(): BotLife {
    const child = spawn(process.execPath, [path.join(this.repoRoot, 'bin', 'mention-desk.js'), 'run'], {
      cwd: this.repoRoot,
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const life: BotLife = { pid: child.pid!, startedAt: Date.now() };
    // Never leave a bot behind if the harness itself stops early.
    const reap = () => child.kill('SIGKILL');
    process.once('exit', reap);
    child.once('exit', () => process.removeListener('exit', reap));
    this.lives.push(life);
    this.child = child;
    this.current = life;
    let partial = '';
    const onData = (chunk: Buffer) => {
      this.log.write(chunk);
      partial += chunk.toString('utf8');
      const lines = partial.split('\n');
      partial = lines.pop() ?? '';
      if (!life.readyAt && lines.some((l) => l.includes('"watching"') || /\bwatching\b/.test(l)))
        life.readyAt = Date.now();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      life.endedAt ??= Date.now();
      life.exitCode = code;
      this.log.write(
        `\n[chaos] bot pid ${life.pid} ended (code ${code}, ${life.killedBy ? `kill -9 ${life.killedBy}` : 'by itself'})\n`,
      );
    });
    this.log.write(`\n[chaos] bot pid ${life.pid} started\n`);
    return life;
  }

  /** kill -9 now. Resolves once the process is gone. */
  async kill(reason: NonNullable<BotLife['killedBy']>): Promise<void> {
    const child = this.child;
    const life = this.current;
    if (!child || !life || life.endedAt !== undefined) return;
    life.killedBy = reason;
    this.armedForSend = undefined;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await gone;
  }

  /** The next accepted send (reported by a fake through `sendAccepted`) kills the bot, or `fallback` after `timeoutMs`. */
  armKillOnSend(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.armedForSend = undefined;
        void this.kill('uptime').then(resolve);
      }, timeoutMs);
      this.armedForSend = () => {
        clearTimeout(timer);
        this.armedForSend = undefined;
        // Synchronously, before the fake writes its answer: the platform did it, the bot never hears.
        void this.kill('send').then(resolve);
      };
    });
  }

  /** Called by the fakes when they accept a send. */
  sendAccepted(): void {
    this.armedForSend?.();
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.log.end(() => resolve()));
  }
}
