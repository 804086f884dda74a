import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { RateLimitError, Routes } from 'discord.js';
import { createSendRest } from '../../../adapters/discord/create-send-rest';
import { SendError } from '../../../src/core/channel-adapter';

/** A Discord REST stand-in on 127.0.0.1: each message post uses up its route bucket (1 per 5 s). */
async function startBucketServer(answer429 = false) {
  let posts = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    posts++;
    const bucket = {
      'content-type': 'application/json',
      'x-ratelimit-bucket': 'b-messages',
      'x-ratelimit-limit': '1',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset-after': '5',
      'x-ratelimit-reset': String(Date.now() / 1000 + 5),
    };
    if (answer429) {
      res.writeHead(429, { ...bucket, 'retry-after': '3', 'x-ratelimit-scope': 'user' });
      return res.end(JSON.stringify({ message: 'You are being rate limited.', retry_after: 3, global: false }));
    }
    res.writeHead(200, bucket);
    res.end(JSON.stringify({ id: String(posts), channel_id: '1', content: 'hi' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, posts: () => posts, close: () => new Promise((r) => server.close(r)) };
}

describe('createSendRest', () => {
  it("marks the client's own route-bucket refusal as pacing, without asking Discord", async () => {
    const server = await startBucketServer();
    try {
      const rest = createSendRest(server.url, 'test-token');
      // The first answer names the bucket; the client learns its state from the next one on.
      await rest.post(Routes.channelMessages('1'), { body: { content: 'first' } });
      await rest.post(Routes.channelMessages('1'), { body: { content: 'second' } });
      const refused = (await rest
        .post(Routes.channelMessages('1'), { body: { content: 'third' } })
        .catch((e: unknown) => e)) as SendError;
      expect(refused).toBeInstanceOf(SendError);
      expect(refused).toMatchObject({ failure: 'rate_limited', pacing: 'discord_route_bucket', limitScope: 'route' });
      expect(refused.retryAfterMs).toBeGreaterThan(3000);
      expect(server.posts()).toBe(2);
    } finally {
      await server.close();
    }
  });

  it("leaves Discord's own 429 a platform rate limit (no pacing mark)", async () => {
    const server = await startBucketServer(true);
    try {
      const rest = createSendRest(server.url, 'test-token');
      const refused = await rest.post(Routes.channelMessages('1'), { body: { content: 'x' } }).catch((e) => e);
      expect(refused).toBeInstanceOf(RateLimitError);
      expect(server.posts()).toBe(1);
    } finally {
      await server.close();
    }
  });
});
