import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** What every child of the bench adds to its JSON line: its own peak memory. */
export interface ChildPeak {
  maxRssMb: number;
}

/**
 * Runs a bench entry file (`bench/<entry>.ts`) in a process of its own and returns the JSON object it
 * printed last, so no section's memory (or its garbage V8 has not collected yet) counts in another's.
 * tsx's CommonJS hook only (the project is CommonJS): `tsx <file>` would start a relay process and run
 * the ESM loader on a thread of its own, about 45 MB more per child that the bot itself never carries.
 */
export function runChild<T>(entry: string, args: string[]): T & ChildPeak {
  const out = execFileSync(process.execPath, ['--require', 'tsx/cjs', path.join(__dirname, entry), ...args], {
    encoding: 'utf8',
    cwd: path.join(__dirname, '..'),
    maxBuffer: 64 * 2 ** 20,
  });
  return JSON.parse(out.trim().split('\n').pop()!);
}

/** Prints the child's last line: `result` with the child's peak RSS (its own, from the kernel). */
export function reportToParent(result: object): void {
  console.log(JSON.stringify({ ...result, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}
