import { spawn } from 'node:child_process';
import path from 'node:path';
import { SourceLeaseKeeper } from '../../src/app/source-lease-keeper';
import { silentLogger } from '../../src/log/create-logger';
import { sourceLeaseHolder } from '../../src/store/source-lease';
import { postgresSuite } from '../helpers/postgres-suite';

const pg = postgresSuite('source lease keeper on PostgreSQL');
const LEASE_MS = 1500;

const until = async (what: string, test: () => boolean | Promise<boolean>, timeoutMs = 20_000) => {
  const end = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

function recordingWork() {
  const events: string[] = [];
  return { events, work: { start: async () => void events.push('start'), stop: async () => void events.push('stop') } };
}

pg.describe('SourceLeaseKeeper on PostgreSQL: one instance per source, takeover after kill -9', () => {
  it('runs a source on one of two instances only, and the other takes over a clean stop at once', async () => {
    const a = new SourceLeaseKeeper({ db: pg.db(), leaseMs: LEASE_MS, logger: silentLogger(), holder: 'a' });
    const b = new SourceLeaseKeeper({ db: pg.db(), leaseMs: LEASE_MS, logger: silentLogger(), holder: 'b' });
    const ra = recordingWork();
    const rb = recordingWork();
    await a.watch('discord', ra.work);
    await b.watch('discord', rb.work);
    await new Promise((r) => setTimeout(r, LEASE_MS * 2)); // several renewals
    expect(ra.events).toEqual(['start']);
    expect(rb.events).toEqual([]);
    expect(b.holds('discord')).toBe(false);
    const stoppedAt = Date.now();
    await a.stop();
    expect(ra.events).toEqual(['start', 'stop']);
    await until('b to take over', () => b.holds('discord'));
    expect(Date.now() - stoppedAt).toBeLessThanOrEqual(LEASE_MS / 3 + 500); // one try, no lease to wait out
    expect(rb.events).toEqual(['start']);
    await b.stop();
  });

  it('takes a source over within LEASE_SECONDS and one try after its holder is killed with SIGKILL', async () => {
    // tsx as a full loader (--import): the PostgreSQL client is loaded by a dynamic import.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, '../helpers/lease-holder-process.ts'), pg.url(), 'x', String(LEASE_MS)],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    try {
      await until('the child to hold x', () => out.includes('holding x') || child.exitCode !== null, 60_000);
      expect({ out, err: err.slice(-2000) }).toEqual({ out: 'holding x\n', err: '' });
      const standby = new SourceLeaseKeeper({ db: pg.db(), leaseMs: LEASE_MS, logger: silentLogger(), holder: 'me' });
      const r = recordingWork();
      await standby.watch('x', r.work);
      expect(r.events).toEqual([]);
      expect(await sourceLeaseHolder(pg.db(), 'x')).toBe('child');
      child.kill('SIGKILL');
      await exited;
      const killedAt = Date.now();
      await until('the standby to take x over', () => standby.holds('x'));
      const took = Date.now() - killedAt;
      expect(took).toBeLessThanOrEqual(LEASE_MS + LEASE_MS / 3 + 500);
      expect(r.events).toEqual(['start']);
      expect(await sourceLeaseHolder(pg.db(), 'x')).toBe('me');
      expect(out).not.toContain('stopped'); // it never said goodbye: the lease ran out
      await standby.stop();
    } finally {
      child.kill('SIGKILL');
    }
  }, 90_000);
});
