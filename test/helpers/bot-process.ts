import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.join(__dirname, '../..');

/** A `mention-desk` command in a child process (from src/, through tsx), as a deploy would run it. */
export function startBot(argv: string[], env: Record<string, string>, cwd: string) {
  const code = `require(${JSON.stringify(path.join(root, 'src/cli/main.ts'))}).main(${JSON.stringify(argv)}).then((c) => { process.exitCode = c; });`;
  const child = spawn(process.execPath, ['-r', require.resolve('tsx/cjs'), '-e', code], {
    cwd,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr!.on('data', (d) => (stderr += d));
  child.stdout!.on('data', (d) => (stdout += d));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.on('exit', (c) => resolve({ code: c, at: Date.now() })),
  );
  const bot = {
    child,
    exited,
    stderr: () => stderr,
    stdout: () => stdout,
    /** Waits for `test`; fails early, with what the bot said, if it exits or the time runs out. */
    async until(what: string, test: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
      const end = Date.now() + timeoutMs;
      while (!(await test())) {
        if (Date.now() > end || child.exitCode !== null)
          throw new Error(`timed out waiting for ${what}; the bot said:\n${stderr.slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    /** The port of the health server, from its start-up log line (HEALTH_PORT=0 picks a free one). */
    async healthPort(): Promise<number> {
      await bot.until('the health server', () => /"port":\d+,"msg":"health server on/.test(stderr));
      return Number(/"port":(\d+),"msg":"health server on/.exec(stderr)![1]);
    },
  };
  return bot;
}
export type BotProcess = ReturnType<typeof startBot>;
