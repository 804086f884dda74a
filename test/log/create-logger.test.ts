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
