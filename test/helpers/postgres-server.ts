import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type PostgresHandle = { url: string; stop: () => void } | { skip: string };

function findBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return undefined;
  const versions = fs.readdirSync(root).sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => path.join(root, v, 'bin')).find((b) => fs.existsSync(path.join(b, 'initdb')));
}

/**
 * A throwaway PostgreSQL server on 127.0.0.1 for one test file: TEST_POSTGRES_URL if set, else a
 * cluster started from the machine's PostgreSQL binaries. Without either, tests skip with the reason.
 */
export function startPostgres(): PostgresHandle {
  if (process.env.TEST_POSTGRES_URL) return { url: process.env.TEST_POSTGRES_URL, stop: () => undefined };
  const bin = findBin();
  if (!bin) return { skip: 'PostgreSQL is not installed (apt-get install postgresql, or set TEST_POSTGRES_URL)' };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'md-pg-'));
  const asRoot = process.getuid?.() === 0;
  // initdb refuses to run as root: run the server as the postgres user when we are root.
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' })
      : execFileSync(cmd, args, { stdio: 'pipe' });
  if (asRoot) execFileSync('chown', ['postgres', dir]);
  const port = 20000 + Math.floor(Math.random() * 20000);
  try {
    run(path.join(bin, 'initdb'), ['-D', path.join(dir, 'data'), '-A', 'trust', '-U', 'postgres']);
    run(path.join(bin, 'pg_ctl'), [
      '-D',
      path.join(dir, 'data'),
      '-w',
      '-l',
      path.join(dir, 'log'),
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      'start',
    ]);
  } catch (e) {
    return { skip: `could not start PostgreSQL from ${bin}: ${String((e as Error).message).split('\n')[0]}` };
  }
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      spawnSync(
        asRoot ? 'runuser' : path.join(bin, 'pg_ctl'),
        asRoot
          ? ['-u', 'postgres', '--', path.join(bin, 'pg_ctl'), '-D', path.join(dir, 'data'), '-m', 'immediate', 'stop']
          : ['-D', path.join(dir, 'data'), '-m', 'immediate', 'stop'],
      );
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
