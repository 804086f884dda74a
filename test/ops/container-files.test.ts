import fs from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '../..');
const read = (f: string) => fs.readFileSync(path.join(root, f), 'utf8');

// No Docker engine runs on these machines: these checks hold the files to what the README promises;
// test/ops/production-install.test.ts runs the install the image makes.
describe('container files', () => {
  const dockerfile = read('Dockerfile');
  const stages = dockerfile.split(/^FROM /m).slice(1);

  it('the Dockerfile is multi-stage: dist/ built in the image, production dependencies only, non-root', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/npm ci --no-audit --no-fund && npm run build/);
    const runtime = stages[stages.length - 1];
    expect(runtime).toMatch(/COPY --from=build \/app\/dist \.\/dist/);
    expect(runtime).toMatch(/COPY --from=deps \/app\/node_modules/);
    expect(stages.find((s) => s.includes('AS deps'))).toMatch(/npm ci --omit=dev/);
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).not.toMatch(/g\+\+|npm ci(?! --omit)/);
    expect(runtime).toMatch(/VOLUME \["\/app\/data"\]/);
    // Every bundled folder the bot reads at run time is in the image.
    for (const folder of ['bin', 'prisma', 'prompts', 'samples', 'models'])
      expect(runtime).toContain(`COPY ${folder} ./${folder}`);
  });

  it('every setting the image or compose file sets is a real one', () => {
    const example = read('.env.example');
    const compose = read('compose.yaml');
    const keys = [
      ...dockerfile.matchAll(/^\s+([A-Z][A-Z0-9_]+)=/gm),
      ...compose.matchAll(/^\s{6}([A-Z][A-Z0-9_]+):/gm),
    ].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(4);
    for (const key of keys.filter(
      (k) => !['NODE_ENV', 'POSTGRES_USER', 'POSTGRES_DB', 'POSTGRES_PASSWORD'].includes(k),
    )) {
      expect(example).toMatch(new RegExp(`^${key}=`, 'm'));
    }
  });

  it('compose runs the bot with a volume for SQLite, and PostgreSQL under a profile', () => {
    const compose = read('compose.yaml');
    expect(compose).toMatch(/desk-data:\/app\/data/);
    expect(compose).toMatch(/postgres:\n\s+image: postgres:\d+\n\s+profiles: \[postgres\]/);
    expect(compose).toMatch(/bot-postgres:[\s\S]*profiles: \[postgres\][\s\S]*DATABASE_URL: postgresql:\/\//);
    // Docker's grace period must outlast the bot's own shutdown timeout (10 s by default).
    expect(Number(/stop_grace_period: (\d+)s/.exec(compose)![1])).toBeGreaterThan(10);
  });

  it('a LICENSE file says MIT, as package.json does', () => {
    expect(JSON.parse(read('package.json')).license).toBe('MIT');
    expect(read('LICENSE')).toMatch(/^MIT License/);
  });
});
