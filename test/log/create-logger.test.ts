import { Writable } from 'node:stream';
import { createLogger, scrubSecrets } from '../../src/log/create-logger';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it('never writes a secret value, wherever it hides', () => {
    const { lines, stream } = capture();
    const log = createLogger({ level: 'info', secrets: ['xoxb-SECRET-1', 'tok"quote'], destination: stream as never });
    log.info({ detail: 'header Bearer xoxb-SECRET-1', nested: { v: 'tok"quote' } }, 'calling with xoxb-SECRET-1');
    log.error(new Error('failed for xoxb-SECRET-1'));
    const out = lines.join('');
    expect(out).not.toContain('xoxb-SECRET-1');
    expect(out).not.toContain('tok\\"quote');
    expect(out.match(/\[redacted\]/g)!.length).toBeGreaterThanOrEqual(4);
  });

  it('redacts credential fields by name', () => {
    const { lines, stream } = capture();
    createLogger({ level: 'info', destination: stream as never }).info(
      { req: { headers: { authorization: 'Bearer abc' } }, token: 't' },
      'x',
    );
    expect(lines.join('')).not.toMatch(/Bearer abc|"token":"t"/);
  });

  it('scrubSecrets replaces every occurrence', () => {
    expect(scrubSecrets('a s3cret b s3cret', ['s3cret'])).toBe('a [redacted] b [redacted]');
  });
});

describe('createLogger output', () => {
  it('writes JSON lines with ISO times when not a terminal', () => {
    const { lines, stream } = capture();
    createLogger({ level: 'info', destination: stream as never }).info('hello');
    const line = JSON.parse(lines[0]);
    expect(line.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(line.msg).toBe('hello');
  });

  it('redacts the credentials of any URL, with no secret list needed', () => {
    const { lines, stream } = capture();
    const log = createLogger({ level: 'info', destination: stream as never });
    log.error({ url: 'postgresql://app:hunter22@db:5432/desk' }, 'cannot reach postgres://app:hunter22@db/desk');
    log.error(new Error('connect ECONNREFUSED postgresql://root:pa55word@10.0.0.1/x'));
    const out = lines.join('');
    expect(out).not.toMatch(/hunter22|pa55word/);
    expect(out).toContain('postgresql://app:[redacted]@db:5432/desk');
  });

  it('is human-readable with local times in a terminal (pino-pretty), secrets still scrubbed', async () => {
    const { lines, stream } = capture();
    const log = createLogger({ level: 'info', pretty: true, secrets: ['xoxb-SECRET-1'], destination: stream as never });
    log.warn({ url: 'postgresql://a:hunter22@h/d' }, 'slow start with xoxb-SECRET-1');
    await new Promise((r) => setTimeout(r, 50));
    const out = lines.join('');
    expect(out).toMatch(/^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}\] WARN: slow start with \[redacted\]/);
    expect(out).not.toMatch(/hunter22|xoxb-SECRET-1|^\{/);
  });
});
