import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface Import {
  from: string;
  to: string;
  line: number;
}
interface Result {
  cycles: string[][];
  folderPairs: { a: string; b: string }[];
  backRunning: (Import & { fromFolder: string; toFolder: string; reason: string })[];
  stats: { nonNull: number; longestLine: number; over120: number; longLines: { where: string; length: number }[] };
}

const script = path.join(__dirname, '..', '..', 'scripts', 'check-imports.js');
// The checker is plain Node (it runs before anything is built), so it is required, not imported.
const { checkImports } = require(script) as { checkImports: (root: string) => Result };

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

/** Writes a throwaway tree of files (path -> contents) and returns its root. */
function makeTree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'check-imports-'));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

function runCli(root: string) {
  return spawnSync(process.execPath, [script, '--stats', '--root', root], { encoding: 'utf8' });
}

describe('check-imports', () => {
  it('finds nothing in a tree that follows the layers, and exits 0', () => {
    const root = makeTree({
      'src/core/mention.ts': 'export interface Mention { id: string }\n',
      'src/store/create-db.ts':
        "import type { Mention } from '../core/mention.js';\nexport const m = (_: Mention) => 1;\n",
      'src/pipeline/ingest.ts': "import { m } from '../store/create-db.js';\nimport '../core';\n",
      'src/core/index.ts': "export * from './mention.js';\n",
      'adapters/x/x-adapter.ts': "import { m } from '../../src/store/create-db.js';\nconst s = 'not an import: x!';\n",
      'src/app/run-live.ts': "const x = require('../../adapters/x/x-adapter.js');\nexport const y = x != null;\n",
      // the channel list registers each channel; the app reads the list
      'src/channels/index.ts': "export { m } from './bsky/index.js';\nexport * from '../../adapters/x/x-adapter.js';\n",
      'src/channels/bsky/index.ts': "export { m } from '../../store/create-db.js';\n",
      'src/app/open-app.ts': "import { m } from '../channels/index.js';\n",
    });
    const result = checkImports(root);
    expect(result.cycles).toEqual([]);
    expect(result.folderPairs).toEqual([]);
    expect(result.backRunning).toEqual([]);
    expect(result.stats.nonNull).toBe(0);
    const cli = runCli(root);
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain('file cycles: 0');
  });

  it('reports a file cycle, type-only imports included, with its path', () => {
    const root = makeTree({
      'src/core/a.ts': "import type { B } from './b.js';\nexport type A = B;\n",
      'src/core/b.ts': "export type { A } from './c';\nexport type B = string;\n",
      'src/core/c.ts': "export type A = import('./a.js').A;\n",
    });
    const result = checkImports(root);
    expect(result.cycles).toEqual([['src/core/a.ts', 'src/core/b.ts', 'src/core/c.ts', 'src/core/a.ts']]);
    const cli = runCli(root);
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain('import cycle: src/core/a.ts -> src/core/b.ts -> src/core/c.ts -> src/core/a.ts');
  });

  it('reports a pair of folders that import each other, though no file cycle', () => {
    const root = makeTree({
      'src/outbox/send.ts': "import { render } from '../slack/render.js';\nexport const send = render;\n",
      'src/slack/render.ts': 'export const render = 1;\n',
      'src/slack/desk.ts': "import { other } from '../outbox/other.js';\n",
      'src/outbox/other.ts': 'export const other = 2;\n',
    });
    const result = checkImports(root);
    expect(result.cycles).toEqual([]);
    expect(result.folderPairs.map((p) => [p.a, p.b])).toEqual([['outbox', 'slack']]);
    expect(runCli(root).stdout).toContain('folders import each other: outbox <-> slack');
  });

  it('reports imports that run against the layers, with file and line', () => {
    const root = makeTree({
      'src/config/x-settings.ts': 'export const xSettings = 1;\n',
      'src/slack/render.ts': 'export const render = 1;\n',
      'src/jobs/escalate.ts': 'export const escalate = 1;\n',
      // outbox sits below slack: importing it runs upward
      'src/outbox/send.ts': "// import { no } from '../slack/render.js';\nimport { x } from '../slack/render.js';\n",
      // on the level "digest, jobs, slack" the desk may read jobs, but jobs may not read the desk
      'src/slack/desk.ts': "\nimport { escalate } from '../jobs/escalate.js';\n",
      'src/jobs/remind.ts': "import { render } from '../slack/render.js';\n",
      // a channel reads only core, log, store and itself
      'adapters/x/x-spend.ts': "import { xSettings } from '../../src/config/x-settings.js';\n",
      'adapters/x/x-adapter.ts': "import { xSettings } from './x-spend.js';\n", // its own folder: fine
      'adapters/discord/read-x.ts': "import { xSettings } from '../x/x-spend.js';\n", // another channel
      'src/core/mention.ts': 'export type Mention = string;\n',
      'src/channels/index.ts': 'export const list = [];\n',
      'src/channels/bsky/index.ts': "import { list } from '../index.js';\n", // a channel reads the list
      'src/widgets/widget.ts': "import type { Mention } from '../core/mention.js';\n", // a folder the table lacks
      'src/cli/main.ts': "import { escalate } from '../jobs/escalate.js';\n", // downward: fine
    });
    const found = checkImports(root).backRunning.map((b) => `${b.from}:${b.line} ${b.fromFolder}->${b.toFolder}`);
    expect(found.sort()).toEqual([
      'adapters/discord/read-x.ts:1 adapters/discord->adapters/x',
      'adapters/x/x-spend.ts:1 adapters/x->config',
      'src/channels/bsky/index.ts:1 channels/bsky->channels',
      'src/jobs/remind.ts:1 jobs->slack',
      'src/outbox/send.ts:2 outbox->slack',
      'src/widgets/widget.ts:1 widgets->core',
    ]);
    const cli = runCli(root);
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain('back-running imports: 6');
    expect(cli.stdout).toContain('folder widgets has no place in the layer table');
  });

  it('counts non-null assertions outside strings and comments, and long lines', () => {
    const root = makeTree({
      'src/core/a.ts': [
        'const m = new Map<string, number>();',
        "export const a = m.get('x')! + [1][0]! + (m.get('y'))!;",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: this is source text for the checker to read
        "export const b = a !== 1 && a != 2 && !a ? 'wow!' : `${'hey!'}!`; // really!",
        'let later!: number;',
        `export const long = '${'x'.repeat(130)}';`,
      ].join('\n'),
    });
    const { stats } = checkImports(root);
    expect(stats.nonNull).toBe(3);
    expect(stats.over120).toBe(1);
    expect(stats.longestLine).toBe(153);
    expect(stats.longLines).toEqual([{ where: 'src/core/a.ts:5', length: 153 }]);
  });

  it('measures lines in characters, not UTF-16 units, in src, adapters and bin (what check:lines fails on)', () => {
    const root = makeTree({
      'src/core/a.ts': `export const fits = '${'ę'.repeat(91)}${'😡'.repeat(5)}';`, // 124 UTF-16 units, 119 characters
      'bin/run.js': `const over = '${'x'.repeat(110)}';`, // 126 characters
      'scripts/tool.js': `const tooling = '${'x'.repeat(140)}';`, // not production code
    });
    const { stats } = checkImports(root);
    expect(stats.longLines).toEqual([{ where: 'bin/run.js:1', length: 126 }]);
  });
});
