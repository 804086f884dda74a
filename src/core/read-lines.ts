/**
 * The lines of a stream, ended only by \n or \r\n. Node's readline also ends a line at a bare \r, which
 * splits one input line in two (a customer's text may hold a stray carriage return): here a lone \r is
 * kept as part of the line. A last line without a newline is yielded too.
 */
export async function* readLines(
  input: NodeJS.ReadableStream | AsyncIterable<string | Buffer>,
): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  for await (const chunk of input as AsyncIterable<string | Buffer>) {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let at = pending.indexOf('\n');
    while (at >= 0) {
      const line = pending.slice(0, at);
      yield line.endsWith('\r') ? line.slice(0, -1) : line;
      pending = pending.slice(at + 1);
      at = pending.indexOf('\n');
    }
  }
  pending += decoder.decode();
  if (pending.length) yield pending.endsWith('\r') ? pending.slice(0, -1) : pending;
}
