import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { main } from '../../src/cli/main';
import { createDb } from '../../src/store/create-db';
import { ACTIVE_MODEL, PREVIOUS_MODEL } from '../../src/training/model-store';
import { tempDir } from '../helpers/temp-db';

async function run(argv: string[], env: Record<string, string> = {}, stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
    stdin: Readable.from([stdin]),
    env: { LOG_LEVEL: 'silent', ...env },
  });
  return { code, out, err };
}

describe('mention-desk label', () => {
  it('imports CSV and JSON lines, names refused lines, and adds nothing the second time', async () => {
    const { dir, cleanup } = tempDir();
    const env = { DATABASE_URL: `file:${path.join(dir, 'md.db')}` };
    try {
      const csv = path.join(dir, 'labels.csv');
      fs.writeFileSync(csv, 'text,complaint\n"my parcel never came",yes\nstore hours on sunday?,no\nhello,maybe\n');
      const first = await run(['label', '--file', csv], env);
      expect(first.code).toBe(1);
      expect(first.err).toEqual([
        `${csv}: line 4: "complaint" is "maybe"; use true/false, yes/no, 1/0 or complaint/not`,
      ]);
      expect(first.out).toEqual([
        `${csv}: 2 labels stored (1 complaints, 1 not), 0 already labelled the same, 0 repeated in the file, 1 refused`,
      ]);
      const again = await run(['label', '--file', csv], env);
      expect(again.out[0]).toMatch(/: 0 labels stored .* 2 already labelled the same/);
      const jsonl = path.join(dir, 'more.jsonl');
      fs.writeFileSync(jsonl, '{"text":"store hours on sunday?","complaint":true}\n');
      expect((await run(['label', '--file', jsonl], env)).code).toBe(0);
      const db = await createDb(env.DATABASE_URL);
      try {
        const rows = await db.label.findMany({ orderBy: { id: 'asc' } });
        expect(rows.map((r) => [r.text, r.complaint, r.source, r.by])).toEqual([
          ['my parcel never came', true, 'import:labels.csv', 'cli'],
          ['store hours on sunday?', false, 'import:labels.csv', 'cli'],
          ['store hours on sunday?', true, 'import:more.jsonl', 'cli'],
        ]);
      } finally {
        await db.$disconnect();
      }
    } finally {
      cleanup();
    }
  });

  it('says what it needs, and has its own help', async () => {
    expect((await run(['label'])).err[0]).toMatch(/label needs --file FILE/);
    const help = await run(['label', '--help']);
    expect(help.code).toBe(0);
    expect(help.out[0]).toMatch(/^mention-desk label --file FILE: import/);
    expect((await run(['help', 'model'])).out[0]).toMatch(/^mention-desk model status \| rollback/);
    const missing = await run(['label', '--file', '/nonexistent/labels.csv'], {
      DATABASE_URL: 'file:/tmp/md-nonexistent-x.db',
    });
    expect(missing.code).toBe(2);
    expect(missing.err[0]).toMatch(/cannot read \/nonexistent\/labels\.csv: ENOENT/);
  });
});

describe('mention-desk model', () => {
  it('shows the packaged model, then the adopted one, and rolls back', async () => {
    const { dir, cleanup } = tempDir();
    const env = { DATABASE_URL: `file:${path.join(dir, 'md.db')}`, MODEL_DIR: path.join(dir, 'models') };
    try {
      const packaged = await run(['model', 'status'], env);
      expect(packaged.out[0]).toMatch(/^in use: .*complaint-model\.json \(packaged/);
      expect(packaged.out[2]).toBe('previous: none (nothing to roll back to)');
      const none = await run(['model', 'rollback'], env);
      expect(none.code).toBe(2);
      expect(none.err[0]).toMatch(/nothing to roll back to/);
      fs.mkdirSync(env.MODEL_DIR);
      const model = (bias: number) =>
        JSON.stringify({ version: 1, bias, weights: {}, trainedOn: { brand: bias * 10 } });
      fs.writeFileSync(path.join(env.MODEL_DIR, ACTIVE_MODEL), model(2));
      fs.writeFileSync(path.join(env.MODEL_DIR, PREVIOUS_MODEL), model(1));
      const rolled = await run(['model', 'rollback'], env);
      expect(rolled.code).toBe(0);
      expect(rolled.out[0]).toBe('rolled back to the previous model.');
      expect(rolled.out[2]).toBe('  trained on: brand 10');
      // the scorer uses the adopted model: bias 1 and no weights score every text 0.731
      const { out } = await run(['score'], env, 'my parcel never arrived');
      expect(JSON.parse(out[0]).score).toBe(0.731);
      expect((await run(['model', 'nope'], env)).err[0]).toMatch(/model needs "status" or "rollback"/);
    } finally {
      cleanup();
    }
  });
});
