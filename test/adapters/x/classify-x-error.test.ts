import type { ClientRequest, IncomingMessage } from 'node:http';
import { ApiRequestError, ApiResponseError } from 'twitter-api-v2';
import { classifyXError, toSendError } from '../../../adapters/x/classify-x-error';

const response = (code: number, data: Record<string, unknown>) =>
  new ApiResponseError(`Request failed with code ${code}`, {
    code,
    data,
    headers: {},
    request: {} as ClientRequest,
    response: {} as IncomingMessage,
  });

describe('classifyXError', () => {
  it('tells the 403s apart: duplicate content, app permissions, reply restriction, closed DMs', () => {
    const duplicate = response(403, {
      title: 'Forbidden',
      detail: 'You are not allowed to create a Tweet with duplicate content.',
      type: 'about:blank',
    });
    const permissions = response(403, {
      title: 'Forbidden',
      detail: 'Your client app is not configured with the appropriate oauth1 app permissions for this endpoint.',
      type: 'https://api.twitter.com/2/problems/oauth1-permissions',
    });
    const notMentioned = response(403, {
      title: 'Forbidden',
      detail:
        'Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged by the author of the post you are replying to.',
    });
    const closed = response(403, { title: 'Forbidden', detail: 'You cannot send messages to this user.' });
    expect(classifyXError(duplicate, 'reply')).toMatchObject({ failure: 'duplicate', retryable: false });
    expect(classifyXError(permissions, 'reply')).toMatchObject({
      failure: 'auth',
      retryable: false,
      message: expect.stringContaining('Read and write and Direct message'),
    });
    expect(classifyXError(notMentioned, 'reply')).toMatchObject({
      failure: 'rejected',
      retryable: false,
      message: expect.stringContaining('did not @mention'),
    });
    expect(classifyXError(closed, 'dm')).toMatchObject({ failure: 'dm_closed', retryable: false });
  });

  it('treats 5xx and lost connections as ambiguous and retryable, 401 as credentials, 429 as a wait', () => {
    expect(classifyXError(response(503, { title: 'Service Unavailable' }), 'reply')).toMatchObject({
      failure: 'server',
      retryable: true,
    });
    expect(
      classifyXError(
        new ApiRequestError('Request failed.', { request: {} as ClientRequest, error: new Error('ECONNRESET') }),
        'reply',
      ),
    ).toMatchObject({ failure: 'network', retryable: true });
    expect(classifyXError(response(401, { title: 'Unauthorized' }), 'read').message).toMatch(
      /^X refused the credentials \(401 Unauthorized\): check X_API_KEY/,
    );
    expect(toSendError(response(429, { title: 'Too Many Requests' }), 'reply', 42_000)).toMatchObject({
      failure: 'rate_limited',
      retryable: true,
      retryAfterMs: 42_000,
    });
  });

  it('keeps what X said short and on one line: it is outside text', () => {
    const noisy = response(400, { title: 'Invalid Request', detail: `line one\nline two ${'z'.repeat(1000)}` });
    const { message } = classifyXError(noisy, 'read');
    expect(message).not.toContain('\n');
    expect(message.length).toBeLessThan(400);
  });
});
