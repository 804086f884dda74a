import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers/temp-db';

const root = path.join(__dirname, '../..');
// What the Dockerfile copies into the runtime image besides node_modules.
const SHIPPED = ['package.json', 'package-lock.json', 'bin', 'prisma', 'prompts', 'samples', 'models', 'scripts'];
const addon = path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');

/**
 * The production install the Dockerfile makes, without Docker (no engine runs on these machines): the
 * tree built, `npm ci --omit=dev` in a temporary folder, and the command run from there. npm runs from
 * its cache only (--offline: no network in tests), with install scripts off so better-sqlite3 is not
 * compiled again (a minute); its addon is copied from this checkout's build, same machine and Node.
 */
describe('a production install (npm ci --omit=dev on the built tree)', () => {
  it('runs mention-desk --help, migrate and the demo, without any development dependency', () => {
    if (!fs.existsSync(addon)) {
      console.warn(`Skipping the production-install test: ${addon} is missing (better-sqlite3 not built here).`);
      return;
    }
    const { dir, cleanup } = tempDir('md-prod-');
    try {
      execFileSync(
        process.execPath,
        [
          path.join(root, 'node_modules/typescript/bin/tsc'),
          '-p',
          path.join(root, 'tsconfig.build.json'),
          '--outDir',
          path.join(dir, 'dist'),
        ],
        {
          cwd: root,
          stdio: 'pipe',
        },
      );
      for (const entry of SHIPPED) fs.cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true });
      const install = spawnSync(
        'npm',
        ['ci', '--omit=dev', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'],
        { cwd: dir, encoding: 'utf8' },
      );
      if (install.status !== 0) {
        if (/ENOTCACHED|offline/i.test(install.stderr)) {
          console.warn(
            'Skipping the production-install test: the npm cache lacks some production packages (run npm ci once with the registry reachable).',
          );
          return;
        }
        throw new Error(`npm ci --omit=dev failed:\n${install.stderr}`);
      }
      for (const dev of ['jest', 'tsx', '@swc/jest', '@biomejs/biome'])
        expect(fs.existsSync(path.join(dir, 'node_modules', dev))).toBe(false);
      fs.mkdirSync(path.join(dir, 'node_modules/better-sqlite3/build/Release'), { recursive: true });
      fs.copyFileSync(addon, path.join(dir, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'));

      const env = { PATH: process.env.PATH, LOG_LEVEL: 'warn' };
      const cli = (...args: string[]) =>
        spawnSync(process.execPath, [path.join(dir, 'bin/mention-desk.js'), ...args], {
          cwd: dir,
          env,
          encoding: 'utf8',
        });
      const help = cli('--help');
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(/^mention-desk: catch public complaints/);
      const migrate = cli('migrate');
      expect(migrate.stdout).toMatch(/^applied: \d+_init/);
      expect(fs.existsSync(path.join(dir, 'data/mention-desk.db'))).toBe(true); // relative to the install's root
      const demo = cli('run', '--quiet');
      expect(demo.status).toBe(0);
      expect(demo.stdout).toMatch(/Summary: \d+ mentions read/);
      expect(demo.stdout).toMatch(/cases opened: [1-9]\d*/);
    } finally {
      cleanup();
    }
  }, 240_000);
});
