import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadAppConfig as loadConfig } from '../../src/app/load-app-config';
import { checkEnvKeys } from '../../src/config/check-env-keys';
import { resolveDatabaseUrl } from '../../src/config/core-settings';
import { envFileKeys } from '../../src/config/read-env';
import { AppError } from '../../src/core/app-error';
import { packageRoot } from '../../src/core/package-root';

const errorOf = (env: Record<string, string>): string => {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).message;
  }
  throw new Error('expected a configuration error');
};

describe('settings are read strictly', () => {
  it.each([
    ['SLA_UNCLAIMED_MINUTES', '0x1'],
    ['SLA_UNCLAIMED_MINUTES', '1e3'],
    ['SLA_UNCLAIMED_MINUTES', ' 30 '],
    ['SLA_UNCLAIMED_MINUTES', '30.0'],
    ['COMPLAINT_THRESHOLD', ' 0.7 '],
    ['COMPLAINT_THRESHOLD', '7e-1'],
    ['COMPLAINT_THRESHOLD', '0x0'],
    ['COMPLAINT_THRESHOLD', '.7'],
    ['X_DAILY_BUDGET_USD', 'Infinity'],
  ])('%s=%j is refused, naming the setting', (key, value) => {
    expect(errorOf({ [key]: value })).toMatch(new RegExp(`^Setting ${key} is invalid: must be written as`));
  });

  it('plain numbers are still read', () => {
    const c = loadConfig({ COMPLAINT_THRESHOLD: '0.7', SLA_UNCLAIMED_MINUTES: '45', X_DAILY_BUDGET_USD: '12' });
    expect([c.complaintThreshold, c.jobs.sla.unclaimedMinutes]).toEqual([0.7, 45]);
  });

  it('a bad BUSINESS_HOURS is reported as BUSINESS_HOURS, a bad BUSINESS_DAYS as BUSINESS_DAYS', () => {
    expect(errorOf({ BUSINESS_HOURS: '18:00-09:00' })).toMatch(
      /^Setting BUSINESS_HOURS is invalid: must start before it ends/,
    );
    expect(errorOf({ BUSINESS_HOURS: '9am-5pm' })).toMatch(/^Setting BUSINESS_HOURS is invalid/);
    expect(errorOf({ BUSINESS_DAYS: 'weekdays' })).toMatch(/^Setting BUSINESS_DAYS is invalid/);
  });

  it('a mistyped DATABASE_URL is never echoed with its password', () => {
    for (const url of [
      'postgress://app:hunter22@db:5432/desk',
      'postgresql//app:hunter22@db/desk',
      'mysql://app:hunter22@h/d',
    ]) {
      const message = errorOf({ DATABASE_URL: url });
      expect(message).toContain('DATABASE_URL');
      expect(message).not.toContain('hunter22');
    }
  });

  it("the database URL's password is a secret the logger scrubs", () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://app:s%40cret99@db:5432/desk' }).secrets).toContain('s@cret99');
  });
});

describe('the database path', () => {
  it('a relative SQLite path is relative to the project root, not the working directory', () => {
    expect(resolveDatabaseUrl('file:./data/x.db')).toBe(`file:${path.join(packageRoot(), 'data/x.db')}`);
    expect(resolveDatabaseUrl('file:data/x.db?connection_limit=1')).toBe(
      `file:${path.join(packageRoot(), 'data/x.db')}?connection_limit=1`,
    );
    const cwd = process.cwd();
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'md-cwd-'));
    try {
      process.chdir(elsewhere);
      expect(loadConfig({}).databaseUrl).toBe(`file:${path.join(packageRoot(), 'data/mention-desk.db')}`);
    } finally {
      process.chdir(cwd);
      fs.rmSync(elsewhere, { recursive: true });
    }
  });

  it('absolute paths, :memory: and PostgreSQL URLs are kept as written', () => {
    expect(resolveDatabaseUrl('file:/var/lib/md/x.db')).toBe('file:/var/lib/md/x.db');
    expect(resolveDatabaseUrl('file::memory:')).toBe('file::memory:');
    expect(resolveDatabaseUrl('postgresql://u@h/d')).toBe('postgresql://u@h/d');
  });
});

describe('unknown keys in .env', () => {
  it('are warned about, with the setting that was probably meant', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'md-env-'));
    const file = path.join(dir, '.env');
    fs.writeFileSync(
      file,
      'COMPLAINT_THRESHOLD=0.6\nCOMPLAINT_TRESHOLD=0.7\nSLACK_BOT_TOKNE=xoxb-1\nWHATEVER_ELSE=1\nSHADOW_DATABASE_URL=x\n',
    );
    try {
      const warnings = checkEnvKeys(envFileKeys(file));
      expect(warnings).toHaveLength(3);
      expect(warnings[0]).toMatch(/COMPLAINT_TRESHOLD.*did you mean COMPLAINT_THRESHOLD\?/);
      expect(warnings[1]).toMatch(/SLACK_BOT_TOKNE.*did you mean SLACK_BOT_TOKEN\?/);
      expect(warnings[2]).toMatch(/WHATEVER_ELSE, which is not a mention-desk setting; it is ignored/);
      expect(warnings.join('\n')).not.toContain('xoxb-1');
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });
});
