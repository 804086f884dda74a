import { REST } from 'discord.js';

/**
 * The REST client the outbox sends through: it throws on a rate limit instead of sleeping (the outbox
 * pauses the channel for Discord's delay, so a drain never blocks and nothing spins), and never retries
 * a 5xx itself (the outbox first asks whether the message went out, then resends with the same nonce).
 */
export function createSendRest(apiUrl: string, token: string, timeoutMs = 15_000): REST {
  return new REST({ api: apiUrl, rejectOnRateLimit: () => true, retries: 0, timeout: timeoutMs }).setToken(token);
}
