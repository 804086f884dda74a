import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Logger as BoltLogger, HTTPModuleFunctions, HTTPReceiver } from '@slack/bolt';

/**
 * Slack's payloads are a few kilobytes (a modal submission with every field filled stays far below
 * this); anything larger is refused before it is held in memory. Bolt's own default is 4 MB.
 */
export const MAX_SLACK_BODY_BYTES = 1024 * 1024;

/**
 * Slack's rule for a signed request: "more than five minutes from local time" in either direction is
 * refused. Bolt checks only the past, so a request signed with a future timestamp stayed replayable.
 */
export const MAX_TIMESTAMP_SKEW_SECONDS = 5 * 60;

/** Why a request is refused from its headers alone, before a byte of its body is read. */
export function refuseByHeaders(
  headers: IncomingMessage['headers'],
  nowMs: number,
): { status: 401 | 413; reason: string } | null {
  const declared = Number(headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_SLACK_BODY_BYTES)
    return { status: 413, reason: `body of ${declared} bytes is over ${MAX_SLACK_BODY_BYTES}` };
  const raw = headers['x-slack-request-timestamp'];
  // Read as Bolt reads it (Number), so both see the same instant; a header Bolt cannot read, it refuses.
  const timestamp = typeof raw === 'string' ? Number(raw) : Number.NaN;
  if (Number.isFinite(timestamp)) {
    const skew = timestamp - nowMs / 1000;
    if (Math.abs(skew) > MAX_TIMESTAMP_SKEW_SECONDS)
      return { status: 401, reason: `request timestamp ${Math.round(skew)} s ${skew > 0 ? 'ahead' : 'behind'}` };
  }
  return null;
}

/** How long the rest of a refused body may keep coming (read and dropped) before the socket is cut. */
const DRAIN_REFUSED_MS = 10_000;

/**
 * Answers a refused request and closes the connection. What is still coming is read and dropped, not
 * kept, so the client reads the answer instead of a connection reset; a sender that never stops is cut off.
 */
function refuse(req: IncomingMessage, res: ServerResponse, status: number): void {
  res.writeHead(status, { connection: 'close' });
  res.end();
  req.resume();
  const cutOff = setTimeout(() => req.socket.destroy(), DRAIN_REFUSED_MS);
  cutOff.unref();
  req.socket.once('close', () => clearTimeout(cutOff));
}

/**
 * Bolt's HTTP receiver behind two guards: the headers (declared length, timestamp window in both
 * directions) are checked first, then the body is counted chunk by chunk as it streams and the
 * request refused with 413 as soon as it passes MAX_SLACK_BODY_BYTES. A body that fits is handed to
 * Bolt already read (`rawBody`, which Bolt uses instead of reading again), and Bolt checks the signature.
 */
export function createHttpReceiver(options: {
  signingSecret: string;
  logger: BoltLogger;
  now?: () => number;
}): HTTPReceiver {
  const now = options.now ?? Date.now;
  const receiver = new HTTPReceiver({
    signingSecret: options.signingSecret,
    endpoints: '/slack/events',
    logger: options.logger,
    bodyLimit: MAX_SLACK_BODY_BYTES,
  });
  const bolt = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    const early = refuseByHeaders(req.headers, now());
    if (early) {
      options.logger.warn(`Slack request refused (${early.status}): ${early.reason}`);
      return refuse(req, res, early.status);
    }
    const chunks: Buffer[] = [];
    let bytes = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      bytes += chunk.length;
      if (bytes > MAX_SLACK_BODY_BYTES) {
        refused = true;
        chunks.length = 0;
        options.logger.warn(`Slack request refused (413): body over ${MAX_SLACK_BODY_BYTES} bytes`);
        return refuse(req, res, 413);
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (refused) return;
      Object.assign(req, { rawBody: Buffer.concat(chunks, bytes) });
      // Bolt throws for a path it does not serve; its server would answer that (404), here we must.
      try {
        bolt(req, res);
      } catch (error) {
        HTTPModuleFunctions.defaultDispatchErrorHandler({
          error: error as Error,
          logger: options.logger,
          request: req,
          response: res,
        });
      }
    });
    req.on('error', () => {
      if (!res.headersSent) refuse(req, res, 400);
    });
  };
  return receiver;
}
