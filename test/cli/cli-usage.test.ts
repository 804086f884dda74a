import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import { main } from '../../src/cli/main';
import { tempDir } from '../helpers/temp-db';

async function run(argv: string[], env: Record<string, string> = {}, extra: { envFileKeys?: string[] } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
    stdin: Readable.from(['']),
    env: { LOG_LEVEL: 'silent', ...env },
    ...extra,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('per-command help and usage errors', () => {
  it("COMMAND --help prints that command's help, not the global one", async () => {
    const score = await run(['score', '--help']);
    expect(score.code).toBe(0);
    expect(score.out).toMatch(/^Usage: mention-desk score \[--threshold N\]/);
    expect(score.out).not.toContain('discord-invite');
    expect((await run(['help', 'backup'])).out).toMatch(/^Usage: mention-desk backup FILE/);
    expect((await run(['digest', '-h'])).out).toContain('--png FILE');
    expect((await run(['--help'])).out).toContain('mention-desk COMMAND --help');
  });

  it('a mistyped command or option gets a "did you mean"', async () => {
    const cmd = await run(['scroe']);
    expect(cmd.code).toBe(2);
    expect(cmd.err).toBe('mention-desk: unknown command "scroe" (did you mean "score"?). See mention-desk --help.');
    const opt = await run(['score', '--treshold', '0.4']);
    expect(opt.code).toBe(2);
    expect(opt.err).toMatch(/unknown option --treshold \(did you mean --threshold\?\)/);
  });

  it('options of another command are refused, not silently accepted', async () => {
    const r = await run(['score', '--since', '7d']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'mention-desk: --since is not an option of score (it belongs to digest). See mention-desk score --help.',
    );
    expect((await run(['migrate', '--json'])).err).toMatch(/--json is not an option of migrate/);
    expect((await run(['digest', '--threshold', '0.3'])).code).toBe(2);
  });
});

describe('settings problems name the setting', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('unknown keys in .env are warned about with a "did you mean"', async () => {
    const r = await run(
      ['migrate'],
      { DATABASE_URL: `file:${path.join(dir, 'w.db')}` },
      { envFileKeys: ['COMPLAINT_TRESHOLD', 'LOG_LEVEL'] },
    );
    expect(r.code).toBe(0);
    expect(r.err).toBe(
      'mention-desk: warning: .env sets COMPLAINT_TRESHOLD, which is not a mention-desk setting (did you mean COMPLAINT_THRESHOLD?); it is ignored. Settings are listed in .env.example.',
    );
  });

  it('a file used as a directory in DATABASE_URL is reported as DATABASE_URL', async () => {
    fs.writeFileSync(path.join(dir, 'plain-file'), 'x');
    const r = await run(['migrate'], { DATABASE_URL: `file:${path.join(dir, 'plain-file', 'desk.db')}` });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^mention-desk: Setting DATABASE_URL: cannot open the database at .*: a part of the path is a file, not a folder/,
    );
  });

  (process.getuid?.() === 0 ? it.skip : it)('an unwritable data directory is reported as DATABASE_URL', async () => {
    const ro = path.join(dir, 'ro');
    fs.mkdirSync(ro, { mode: 0o500 });
    const r = await run(['migrate'], { DATABASE_URL: `file:${path.join(ro, 'sub', 'desk.db')}` });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Setting DATABASE_URL: .*not writable/);
  });

  it('an unwritable data directory is reported as DATABASE_URL (read-only database file, also as root)', async () => {
    // Root may write anywhere, so this variant uses a path SQLite cannot create whoever runs it.
    const r = await run(['migrate'], { DATABASE_URL: `file:${path.join('/proc', 'desk.db')}` });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^mention-desk: Setting DATABASE_URL: cannot open the database at file:\/proc\/desk\.db/);
  });

  it('an unreachable PostgreSQL is reported as DATABASE_URL, without its password', async () => {
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as net.AddressInfo).port;
    await new Promise<void>((r) => server.close(() => r())); // a port where nothing listens
    const r = await run(['migrate'], { DATABASE_URL: `postgresql://desk:hunter22@127.0.0.1:${port}/desk` });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /Setting DATABASE_URL: cannot open the database at postgresql:\/\/desk:\[redacted\]@127\.0\.0\.1:\d+\/desk: nothing accepts connections there/,
    );
    expect(r.err).not.toContain('hunter22');
  });

  it('a missing demo stream is reported as DEMO_STREAM_FILE; a missing replay file as --file', async () => {
    const env = { DATABASE_URL: `file:${path.join(dir, 'd.db')}`, DEMO_STREAM_FILE: path.join(dir, 'nope.jsonl') };
    const demo = await run(['run'], env);
    expect(demo.code).toBe(2);
    expect(demo.err).toMatch(/^mention-desk: Setting DEMO_STREAM_FILE is invalid: there is no file .*nope\.jsonl/);
    const replay = await run(['replay', '--file', path.join(dir, 'gone.jsonl')], env);
    expect(replay.err).toMatch(/^mention-desk: replay --file: there is no file .*gone\.jsonl/);
  });
});

describe('mention-desk backup', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('copies the SQLite database online; the copy opens and holds the data', async () => {
    const env = { DATABASE_URL: `file:${path.join(dir, 'desk.db')}` };
    expect((await run(['migrate'], env)).code).toBe(0);
    const live = new Database(path.join(dir, 'desk.db'));
    live.prepare("INSERT INTO Setting (key, value, updatedAt) VALUES ('probe', 'kept', CURRENT_TIMESTAMP)").run();
    const target = path.join(dir, 'backups', 'copy.db');
    const r = await run(['backup', target], env); // while another connection holds the database open
    live.close();
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^backed up file:.*desk\.db to .*copy\.db \(\d+ bytes\)/);
    const copy = new Database(target, { readonly: true });
    expect(copy.prepare("SELECT value FROM Setting WHERE key = 'probe'").get()).toEqual({ value: 'kept' });
    copy.close();
    expect((await run(['backup', target], env)).err).toMatch(/exists already; backup never overwrites/);
  });

  it('says to use pg_dump for PostgreSQL, and needs a FILE', async () => {
    const pg = await run(['backup', path.join(dir, 'x')], { DATABASE_URL: 'postgresql://u:p4ssword@127.0.0.1:1/d' });
    expect(pg.code).toBe(2);
    expect(pg.err).toMatch(/use pg_dump/);
    expect((await run(['backup'])).err).toMatch(/backup needs one FILE/);
  });
});
