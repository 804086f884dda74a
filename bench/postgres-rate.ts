import { spawn } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { applyMigrations } from '../src/store/apply-migrations';
import { startPostgres } from '../test/helpers/postgres-server';

interface InstanceResult {
  fresh: number;
  duplicates: number;
  seconds: number;
  cpuSeconds: number;
  maxRssMb: number;
}

function runInstance(url: string, file: string, batch: number): Promise<InstanceResult> {
  const tsx = path.join(__dirname, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [tsx, path.join(__dirname, 'postgres-instance.ts'), url, file, String(batch)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(err.slice(-2000))),
    );
  });
}

async function freshDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = serverUrl.replace(/\/[^/]*$/, `/${name}`);
  await applyMigrations(url);
  return url;
}

async function storedMentions(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query('SELECT count(*)::int AS n FROM "Mention"');
  await client.end();
  return rows[0].n;
}

/**
 * `--postgres`: a throwaway server (as the tests start one); one instance over the traffic, then two
 * instances at once over the same traffic (each receives every mention, as two pollers of one account
 * would without source leases: the worst case for double work). Processed twice = mentions both stored
 * as new (the database's uniqueness must keep it at 0); CPU per mention from the children's own usage.
 */
export async function postgresRates(file: string, batch: number) {
  const pg = startPostgres();
  if ('skip' in pg) return { skip: pg.skip };
  try {
    const one = await freshDatabase(pg.url, 'bench_one');
    const single = await runInstance(one, file, batch);
    const two = await freshDatabase(pg.url, 'bench_two');
    const t0 = process.hrtime.bigint();
    const pair = await Promise.all([runInstance(two, file, batch), runInstance(two, file, batch)]);
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    const stored = await storedMentions(two);
    return {
      single: { rate: single.fresh / single.seconds, cpuPerMentionUs: (single.cpuSeconds / single.fresh) * 1e6 },
      pair: {
        rate: stored / wall,
        stored,
        processedTwice: pair[0].fresh + pair[1].fresh - stored,
        cpuPerMentionUs: ((pair[0].cpuSeconds + pair[1].cpuSeconds) / stored) * 1e6,
        split: pair.map((p) => p.fresh),
      },
      peakMb: Math.max(single.maxRssMb, ...pair.map((p) => p.maxRssMb)),
    };
  } finally {
    pg.stop();
  }
}
